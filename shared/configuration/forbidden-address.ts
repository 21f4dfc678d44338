/**
 * Addresses an on-premise Halo can never be at, refused because sending the Client Secret there is
 * either pointless or dangerous: 0.0.0.0 and :: mean "any address" (connecting to them reaches this
 * machine), and link-local addresses (169.254.0.0/16, fe80::/10) are where cloud metadata services
 * answer (169.254.169.254, fd00:ec2::254), which hand out the machine's cloud credentials to whoever asks.
 * IPv4 addresses written in IPv6 form (::ffff:169.254.169.254, NAT64 64:ff9b::/96) are unwrapped first,
 * so the same address cannot slip through in another spelling.
 *
 * `host` is as the WHATWG URL parser canonicalises it: IPv4 dotted, IPv6 in brackets, lower case.
 */
export function forbiddenAddressReason(host: string): string | null {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  if (bare === 'metadata.google.internal' || bare === 'metadata') {
    return `${host} is a cloud metadata service, not a Halo server.`;
  }
  const ipv4 = /^\d+\.\d+\.\d+\.\d+$/.test(bare) ? bare : ipv4InIpv6(bare);
  if (ipv4 !== null) return ipv4Reason(host, ipv4);
  if (!bare.includes(':')) return null;
  if (bare === '::')
    return `${host} means "any address", not a server; enter the Halo server's name or address.`;
  if (/^fe[89ab][0-9a-f]?:/.test(bare)) {
    return `${host} is a link-local address (fe80::/10), which only reaches the local network segment and cloud metadata services; enter the Halo server's name or routable address.`;
  }
  if (bare === 'fd00:ec2::254') return `${host} is a cloud metadata service, not a Halo server.`;
  return null;
}

function ipv4Reason(host: string, ipv4: string): string | null {
  const [first, second] = ipv4.split('.').map(Number);
  if (first === 0) {
    return `${host} means "this network / any address", not a server; enter the Halo server's name or address.`;
  }
  if (first === 169 && second === 254) {
    return `${host} is a link-local address (169.254.0.0/16), where cloud metadata services answer, not a Halo server; enter the server's name or routable address.`;
  }
  return null;
}

/** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d or 64:ff9b::a.b.c.d (canonical hex form), else null. */
function ipv4InIpv6(address: string): string | null {
  const match = /^(?:::ffff:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!match) return null;
  const high = Number.parseInt(match[1] ?? '0', 16);
  const low = Number.parseInt(match[2] ?? '0', 16);
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}
