import { describe, expect, it } from 'vitest';
import { forwardedClient, isSameOrigin, proxyMatcher } from './request';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('same-origin check for cookie-authenticated mutations', () => {
  const configured = 'https://billing.example.com';

  it.each([
    [{ host: 'desk.example.com', origin: 'https://desk.example.com' }, true],
    [{ host: 'localhost:3000', origin: 'http://localhost:3000' }, true],
    [{ host: 'desk.example.com', origin: 'https://evil.example.net' }, false],
    [{ host: 'desk.example.com', origin: 'null' }, false],
    [{ host: 'desk.example.com', origin: 'null', 'sec-fetch-site': 'same-origin' }, true],
    [{ host: 'desk.example.com', origin: 'null', 'sec-fetch-site': 'cross-site' }, false],
    [{ host: 'desk.example.com', 'sec-fetch-site': 'same-origin' }, true],
    [{ host: 'desk.example.com', 'sec-fetch-site': 'cross-site' }, false],
    [{ host: 'desk.example.com' }, false],
    [{ host: 'internal:3000', 'x-forwarded-host': 'desk.example.com', origin: 'https://desk.example.com' }, true],
    // A proxy that rewrites Host and sends no X-Forwarded-Host: the configured origin vouches.
    [{ host: 'app:3000', origin: 'https://billing.example.com' }, true],
    [{ host: 'app:3000', origin: 'http://billing.example.com' }, false],
    [{ host: 'app:3000', origin: 'https://billing.example.com.evil.example.net' }, false],
  ])('%j → %s', (entries, expected) => {
    expect(isSameOrigin(headers(entries), configured)).toBe(expected);
  });
});

describe('trusted proxy ranges', () => {
  const trusted = proxyMatcher(['10.0.0.0/8', '192.0.2.7', '2001:db8::/32', '::1']);

  it.each([
    ['10.1.2.3', true],
    ['10.255.255.255', true],
    ['11.0.0.1', false],
    ['192.0.2.7', true],
    ['192.0.2.8', false],
    ['2001:db8::abcd', true],
    ['2001:db9::1', false],
    ['::1', true],
    ['::2', false],
    // Node reports IPv4 peers on a dual-stack socket in IPv6 form.
    ['::ffff:10.0.0.1', true],
  ])('%s → %s', (address, expected) => {
    expect(trusted(address)).toBe(expected);
  });
});

describe('client address through trusted proxies', () => {
  const trusted = proxyMatcher(['10.0.0.0/8', '2001:db8::/32']);
  const client = (forwardedFor: string | null, anyTrusted = true) => forwardedClient(forwardedFor, trusted, anyTrusted);

  it('believes nothing without trusted proxies', () => {
    expect(client('203.0.113.9', false)).toBeUndefined();
    expect(client('203.0.113.9, 10.0.0.1', false)).toBeUndefined();
  });

  it.each([
    // nginx in front appended what it saw
    ['203.0.113.9', '203.0.113.9'],
    // two proxies of ours: the client is left of them
    ['203.0.113.9, 10.0.0.2', '203.0.113.9'],
    // a client's own forged entries stay left of the address our proxy saw
    ['198.51.100.1, 203.0.113.9', '203.0.113.9'],
    ['10.9.9.9, 203.0.113.9, 10.0.0.2', '203.0.113.9'],
    // a request that started at one of our proxies
    ['10.0.0.3, 10.0.0.2', '10.0.0.3'],
    ['2001:db8::5, 2001:db8::6', '2001:db8::5'],
    // ports and IPv6 notations proxies write
    ['203.0.113.9:4711', '203.0.113.9'],
    ['[2001:db9::1]:443, 10.0.0.2', '2001:db9::1'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
  ])('%s → %s', (forwardedFor, expected) => {
    expect(client(forwardedFor)).toBe(expected);
  });

  it.each([[null], [''], ['unknown'], ['not-an-address, 10.0.0.2']])('%j → no address', (forwardedFor) => {
    expect(client(forwardedFor)).toBeUndefined();
  });
});
