import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_PASSWORD, DEMO_ACCOUNTS } from './demo-accounts.js';
import { demoBanner, describeListenAddress } from './start-banner.js';

describe('the demo start banner', () => {
  it('says where it listens: on loopback, for this machine only', () => {
    const banner = demoBanner({ host: '127.0.0.1', port: 3000 }, { customPassword: false });
    expect(banner).toContain('Mailgate is running at http://127.0.0.1:3000');
    expect(banner).toContain('127.0.0.1 only: reachable from this machine only');
    expect(banner).not.toContain('Warning');
  });

  it('names the demo accounts and where to find their password, without printing it', () => {
    for (const customPassword of [false, true]) {
      const banner = demoBanner({ host: '127.0.0.1', port: 3000 }, { customPassword });
      for (const account of DEMO_ACCOUNTS) expect(banner).toContain(account.email);
      expect(banner).not.toContain(DEFAULT_DEMO_PASSWORD);
      expect(banner).toContain(customPassword ? 'the one you set in MAILGATE_DEMO_PASSWORD' : 'README.md');
    }
  });

  it('warns when HOST opens the demo to other machines', () => {
    const banner = demoBanner({ host: '0.0.0.0', port: 8080 }, { customPassword: false });
    expect(banner).toContain('Mailgate is running at http://localhost:8080');
    expect(banner).toContain('all interfaces (HOST=0.0.0.0): reachable from other machines');
    expect(banner).toContain('Warning: other machines can reach this demo');
  });

  it('writes IPv6 addresses as URLs can hold them', () => {
    expect(describeListenAddress({ host: '::1', port: 3000 })).toEqual({
      url: 'http://[::1]:3000',
      scope: '::1 only: reachable from this machine only',
    });
    expect(describeListenAddress({ host: '::', port: 3000 }).url).toBe('http://localhost:3000');
  });
});
