import { isIPv4, isIPv6 } from 'node:net';

/**
 * The key wrong passwords are counted under for a client address: an IPv4 address as it is
 * (also when written IPv4-mapped, `::ffff:198.51.100.7`), an IPv6 address by its /64
 * network, since one subscriber holds a whole /64 and could otherwise try 5 passwords from
 * each of its 2^64 addresses. Anything else (no address, a name) is kept as given.
 */
export function clientKeyOf(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

/** The eight hextets of an IPv6 address, without leading zeros (zone and IPv4 tail handled). */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split('%')[0];
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(withoutZone);
  let text = withoutZone;
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number);
    const tail = `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
    text = withoutZone.slice(0, ipv4Tail.index) + tail;
  }
  const [head, rest] = text.split('::');
  const headParts = head ? head.split(':') : [];
  const restParts = rest ? rest.split(':') : [];
  const zeros: string[] =
    rest === undefined ? [] : new Array<string>(8 - headParts.length - restParts.length).fill('0');
  return [...headParts, ...zeros, ...restParts].map((h) => parseInt(h, 16).toString(16));
}
