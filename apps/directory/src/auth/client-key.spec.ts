import { clientKeyOf } from './client-key.js';

describe('clientKeyOf', () => {
  it('keeps an IPv4 address, also written IPv4-mapped', () => {
    expect(clientKeyOf('198.51.100.7')).toBe('198.51.100.7');
    expect(clientKeyOf('::ffff:198.51.100.7')).toBe('198.51.100.7');
  });

  it('counts an IPv6 address by its /64, however it is written', () => {
    expect(clientKeyOf('2001:db8:1:2:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:0db8:0001:0002::1')).toBe('2001:db8:1:2::/64');
    expect(clientKeyOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientKeyOf('::1')).toBe('0:0:0:0::/64');
  });

  it('keeps anything that is no address as given', () => {
    expect(clientKeyOf('unknown')).toBe('unknown');
  });
});
