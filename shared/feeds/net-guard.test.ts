import { describe, expect, it } from 'vitest';
import { FetchError } from './errors.ts';
import { checkUrl, isBlockedAddress, parseAllowList } from './net-guard.ts';

const none = parseAllowList(undefined);

describe('isBlockedAddress', () => {
  it.each([
    '127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0',
    '224.0.0.1', '255.255.255.255', '240.0.0.1', '192.0.2.1', '198.18.0.1',
    '::1', '::', 'fe80::1', 'fd00:ec2::254', 'fc00::1', 'ff02::1', '2001:db8::1',
    '::ffff:127.0.0.1', '::ffff:169.254.169.254', '64:ff9b::a00:1', '2002:a00:1::1', 'not-an-ip',
  ])('blocks %s', (ip) => {
    expect(isBlockedAddress(ip, none)).toBe(true);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2a00:1450:4001:82a::200e', '::ffff:8.8.8.8', '2002:808:808::1'])('allows public %s', (ip) => {
    expect(isBlockedAddress(ip, none)).toBe(false);
  });

  it('allow list ranges override the policy, IPv4 ranges also match mapped IPv6', () => {
    const allow = parseAllowList('127.0.0.1/32, 10.0.0.0/8,::1/128,localhost');
    expect(isBlockedAddress('127.0.0.1', allow)).toBe(false);
    expect(isBlockedAddress('10.20.30.40', allow)).toBe(false);
    expect(isBlockedAddress('::ffff:127.0.0.1', allow)).toBe(false);
    expect(isBlockedAddress('::1', allow)).toBe(false);
    expect(isBlockedAddress('127.0.0.2', allow)).toBe(true);
    expect(isBlockedAddress('169.254.169.254', allow)).toBe(true);
    expect(allow.hosts.has('localhost')).toBe(true);
  });

  it('rejects a malformed CIDR', () => {
    expect(() => parseAllowList('10.0.0.0/99')).toThrow(/CIDR/);
  });
});

describe('checkUrl', () => {
  const code = (u: string, allow = none) => {
    try {
      checkUrl(u, allow);
      return 'ok';
    } catch (e) {
      expect(e).toBeInstanceOf(FetchError);
      return (e as FetchError).code;
    }
  };

  it('refuses schemes, credentials and blocked literals', () => {
    expect(code('ftp://example.org/')).toBe('bad_url');
    expect(code('file:///etc/passwd')).toBe('bad_url');
    expect(code('http://u:p@example.org/')).toBe('bad_url');
    expect(code('http://10.0.0.1/')).toBe('blocked_address');
    expect(code('http://[::1]:8080/')).toBe('blocked_address');
    expect(code('http://2130706433/')).toBe('blocked_address');
    expect(code('http://localhost/')).toBe('blocked_address');
    expect(code('http://a.localhost/')).toBe('blocked_address');
    expect(code('https://tengrinews.kz/rss')).toBe('ok');
    expect(code('http://localhost/', parseAllowList('localhost'))).toBe('ok');
    expect(code('http://127.0.0.1:9/', parseAllowList('127.0.0.1/32'))).toBe('ok');
  });

  it('names the URL and the reason in the message', () => {
    expect(() => checkUrl('http://169.254.169.254/latest', none)).toThrow(/169\.254\.169\.254.*not publicly routable/);
  });
});
