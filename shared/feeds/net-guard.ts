// SSRF guard: decides which addresses and URLs the fetcher may talk to.
//
// Policy: only globally routable unicast addresses are reachable. Everything ipaddr.js classifies
// otherwise (loopback, private, link-local incl. 169.254.169.254, unique-local incl. fd00:ec2::254,
// unspecified, CGNAT, multicast, broadcast, reserved/documentation/benchmarking …) is blocked,
// and so are IPv6 forms that embed an IPv4 address (IPv4-mapped, NAT64, 6to4, SIIT) when the
// embedded address is blocked. Teredo is blocked outright. Unparsable addresses are blocked
// (fail closed). An operator allow list (hostnames and/or CIDR ranges) overrides the policy.
import ipaddr from 'ipaddr.js';
import { FetchError } from './errors.ts';

type Addr = ipaddr.IPv4 | ipaddr.IPv6;

export interface AllowList {
  /** Lower-case hostnames without trailing dot; exact match only (no implicit subdomains). */
  readonly hosts: ReadonlySet<string>;
  /** CIDR ranges; IPv4 ranges also match IPv4-mapped IPv6 addresses. */
  readonly ranges: ReadonlyArray<readonly [Addr, number]>;
}

export const EMPTY_ALLOW_LIST: AllowList = Object.freeze({ hosts: new Set<string>(), ranges: [] });

/** Names that always mean "this machine" or a cloud metadata service (RFC 6761, GCP). */
const BLOCKED_NAMES = ['localhost', 'localhost.localdomain', 'metadata.google.internal'];

function normaliseHost(host: string): string {
  let h = host.trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  while (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

/**
 * Parse `127.0.0.1/32,localhost,10.0.0.0/8,::1/128,feeds.example.kz`.
 * A bare IP counts as a /32 (/128). Throws on an unparsable CIDR so that a typo in the
 * configuration is noticed at start-up instead of silently allowing nothing.
 */
export function parseAllowList(spec: string | undefined): AllowList {
  const hosts = new Set<string>();
  const ranges: Array<readonly [Addr, number]> = [];
  for (const raw of (spec ?? '').split(/[\s,]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) throw new Error(`allow list: invalid CIDR range "${entry}"`);
      ranges.push(ipaddr.parseCIDR(entry));
      continue;
    }
    const host = normaliseHost(entry);
    if (ipaddr.isValid(host)) {
      const addr = ipaddr.parse(host);
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else {
      hosts.add(host);
    }
  }
  return { hosts, ranges };
}

function unmap(addr: Addr): Addr {
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress()) {
    return (addr as ipaddr.IPv6).toIPv4Address();
  }
  return addr;
}

function inAllowedRange(addr: Addr, allow: AllowList): boolean {
  const candidates = [addr, unmap(addr)];
  for (const [net, bits] of allow.ranges) {
    for (const a of candidates) {
      if (a.kind() === net.kind() && a.match(net, bits)) return true;
    }
  }
  return false;
}

function embeddedIPv4(addr: ipaddr.IPv6): ipaddr.IPv4 | null {
  const range = addr.range();
  const b = addr.toByteArray();
  switch (range) {
    case 'ipv4Mapped':
    case 'rfc6145':
    case 'rfc6052':
      return new ipaddr.IPv4(b.slice(12, 16));
    case '6to4':
      return new ipaddr.IPv4(b.slice(2, 6));
    default:
      return null;
  }
}

function blockedByPolicy(addr: Addr): boolean {
  if (addr.kind() === 'ipv4') return addr.range() !== 'unicast';
  const v6 = addr as ipaddr.IPv6;
  const range = v6.range();
  if (range === 'unicast') return false;
  const v4 = embeddedIPv4(v6);
  if (v4) return v4.range() !== 'unicast';
  return true;
}

/** True when `ip` must not be connected to. Unparsable input counts as blocked. */
export function isBlockedAddress(ip: string, allow: AllowList = EMPTY_ALLOW_LIST): boolean {
  const host = normaliseHost(ip);
  if (!ipaddr.isValid(host)) return true;
  let addr: Addr;
  try {
    addr = ipaddr.parse(host);
  } catch {
    return true;
  }
  if (inAllowedRange(addr, allow)) return false;
  return blockedByPolicy(addr);
}

/** Whether a hostname (not an IP literal) is explicitly allowed. */
export function isAllowedHost(hostname: string, allow: AllowList): boolean {
  return allow.hosts.has(normaliseHost(hostname));
}

function isBlockedName(host: string): boolean {
  return BLOCKED_NAMES.includes(host) || host.endsWith('.localhost');
}

/**
 * Static checks on a URL before any network activity: scheme http/https, no user:password,
 * a host present, and no blocked IP literal or reserved local name (unless allowed).
 * Names that resolve to blocked addresses are caught later, at connect time, by the fetcher's lookup.
 * Returns the parsed URL; throws FetchError ('bad_url' | 'blocked_address', permanent).
 */
export function checkUrl(url: string | URL, allow: AllowList = EMPTY_ALLOW_LIST): URL {
  const text = String(url);
  let u: URL;
  try {
    u = new URL(text);
  } catch (cause) {
    throw new FetchError({ code: 'bad_url', kind: 'permanent', url: text, reason: 'not a valid absolute URL', cause });
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new FetchError({ code: 'bad_url', kind: 'permanent', url: text, reason: `scheme "${u.protocol}" is not http(s)` });
  }
  if (u.username || u.password) {
    throw new FetchError({ code: 'bad_url', kind: 'permanent', url: text, reason: 'credentials in the URL are not allowed' });
  }
  const host = normaliseHost(u.hostname);
  if (!host) {
    throw new FetchError({ code: 'bad_url', kind: 'permanent', url: text, reason: 'URL has no host' });
  }
  if (allow.hosts.has(host)) return u;
  if (ipaddr.isValid(host)) {
    if (isBlockedAddress(host, allow)) {
      throw new FetchError({ code: 'blocked_address', kind: 'permanent', url: text, reason: `address ${host} is not publicly routable` });
    }
    return u;
  }
  if (isBlockedName(host)) {
    throw new FetchError({ code: 'blocked_address', kind: 'permanent', url: text, reason: `host "${host}" is a local name` });
  }
  return u;
}
