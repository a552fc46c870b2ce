import { describe, expect, it } from 'vitest';
import { clientIpKey } from './client-ip.js';

describe('clientIpKey', () => {
  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::ff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['::ffff:c000:207', '192.0.2.7'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
  ])('%s → %s', (ip, key) => {
    expect(clientIpKey(ip)).toBe(key);
  });

  it('rejects anything that is not an address', () => {
    for (const value of ['', 'example.test', '10.0.0.0/8', '1.2.3', '2001:db8::1::2'])
      expect(clientIpKey(value)).toBeNull();
  });
});
