import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a lock or failure counter is keyed by: an IPv4 address as is, an IPv6 address by
 * its /64 (one customer network; an attacker has ~2^64 addresses inside it), and an IPv4-mapped
 * IPv6 address as the IPv4 address it is. Returns null for anything that is not an IP address.
 */
export function clientIpKey(ip: string): string | null {
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return null;
  const groups = expandIpv6(ip.split('%')[0] as string);
  if (groups === null) return null;
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high, low] = [groups[6] as number, groups[7] as number];
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

function expandIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  // A trailing dotted IPv4 part (::ffff:192.0.2.1) becomes two hex groups.
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const bytes = (dotted[1] as string).split('.').map(Number);
    const tail = `${(((bytes[0] as number) << 8) | (bytes[1] as number)).toString(16)}:${(((bytes[2] as number) << 8) | (bytes[3] as number)).toString(16)}`;
    text = text.slice(0, dotted.index) + tail;
  }
  const [head, rest] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = rest ? rest.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (rest === undefined ? headGroups.length !== 8 : missing < 0) return null;
  const all = [...headGroups, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...tailGroups];
  const groups = all.map((group) => parseInt(group, 16));
  return groups.length === 8 && groups.every((group) => Number.isInteger(group) && group >= 0 && group <= 0xffff)
    ? groups
    : null;
}
