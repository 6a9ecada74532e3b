import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { excerpt, isPublicAddress, outboundRequest, pointsToPrivateAddress } from './outbound';

describe('which addresses are public', () => {
  it.each([
    // IPv4
    ['0.0.0.0', false], // unspecified
    ['0.1.2.3', false], // "this network"
    ['10.20.30.40', false], // private
    ['100.64.0.1', false], // CGNAT
    ['100.127.255.254', false],
    ['100.128.0.1', true], // just past CGNAT
    ['127.0.0.1', false], // loopback
    ['127.255.255.254', false],
    ['169.254.169.254', false], // link-local: cloud metadata
    ['172.16.0.1', false], // private
    ['172.31.255.255', false],
    ['172.32.0.1', true], // just past 172.16/12
    ['192.0.0.8', false], // IETF protocol assignments
    ['192.168.1.1', false], // private
    ['198.18.0.1', false], // benchmarking
    ['224.0.0.251', false], // multicast
    ['239.255.255.250', false],
    ['240.0.0.1', false], // reserved
    ['255.255.255.255', false], // broadcast
    ['8.8.8.8', true],
    ['93.184.216.34', true],
    ['1.1.1.1', true],
    // IPv6
    ['::', false], // unspecified
    ['::1', false], // loopback
    ['[::1]', false], // as a URL writes it
    ['fe80::1', false], // link-local
    ['fe80::1%eth0', false], // with a zone
    ['febf::1', false],
    ['fec0::1', false], // site-local
    ['fc00::1', false], // unique-local
    ['fd12:3456:789a::1', false],
    ['ff02::1', false], // multicast
    ['100::1', false], // discard
    ['::ffff:127.0.0.1', false], // IPv4-mapped loopback
    ['::ffff:7f00:1', false], // the same, in hex
    ['::ffff:10.0.0.1', false], // IPv4-mapped private
    ['::ffff:169.254.169.254', false],
    ['::ffff:0:192.168.0.1', false], // IPv4-translated
    ['64:ff9b::a9fe:a9fe', false], // NAT64 of 169.254.169.254
    ['::127.0.0.1', false], // IPv4-compatible
    ['2002:7f00:1::1', false], // 6to4 of 127.0.0.1
    ['::ffff:8.8.8.8', true], // IPv4-mapped public
    ['64:ff9b::808:808', true], // NAT64 of 8.8.8.8
    ['2002:808:808::1', true], // 6to4 of 8.8.8.8
    ['2001:4860:4860::8888', true],
    ['2606:4700:4700::1111', true],
    // Not an address at all
    ['localhost', false],
    ['', false],
  ])('%s → %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected);
  });
});

describe('excerpt', () => {
  it('folds control characters and white space, and keeps at most 200 characters', () => {
    expect(excerpt('line one\r\n\tline\u0000two\u001b[31m  red')).toBe('line one line two [31m red');
    const long = excerpt('x'.repeat(1000));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
    expect(excerpt('  ')).toBe('');
  });
});

describe('calling a configured URL', () => {
  let base = '';
  let port = 0;
  const server = createServer((req, res) => {
    if (req.url === '/redirect') return void res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.method}`);
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  afterEach(() => vi.unstubAllEnvs());

  const get = (url: string) => outboundRequest(url, { method: 'GET', headers: {}, signal: AbortSignal.timeout(5_000) });

  it.each([
    ['a loopback address', () => `${base}/`],
    ['a name resolving to loopback', () => `http://localhost:${port}/`],
    ['an IPv6 loopback', () => `http://[::1]:${port}/`],
    ['an IPv4-mapped loopback', () => `http://[::ffff:127.0.0.1]:${port}/`],
    ['loopback written as one number', () => `http://2130706433:${port}/`],
    ['the cloud metadata address', () => 'http://169.254.169.254/latest/meta-data/'],
  ])('refuses %s unless private URLs are allowed', async (_, url) => {
    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '');
    await expect(get(url())).rejects.toThrow('points to a private address');
  });

  it('calls a private address when the operator allows it', async () => {
    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '1');
    await expect(get(`${base}/`)).resolves.toMatchObject({ status: 200, ok: true, text: 'hello GET' });
    await expect(get(`http://localhost:${port}/`)).resolves.toMatchObject({ status: 200 });
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '1');
    await expect(get(`${base}/redirect`)).resolves.toMatchObject({ status: 302, ok: false });
  });

  it('refuses to save a URL pointing to a private address, by number or by name', async () => {
    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '');
    expect(await pointsToPrivateAddress('http://10.0.0.5/sms')).toBe(true);
    expect(await pointsToPrivateAddress('http://[fd00::5]/sms')).toBe(true);
    expect(await pointsToPrivateAddress('http://localhost:8080/sms')).toBe(true);
    expect(await pointsToPrivateAddress('https://93.184.216.34/sms')).toBe(false);
    vi.stubEnv('CASHDESK_ALLOW_PRIVATE_URLS', '1');
    expect(await pointsToPrivateAddress('http://localhost:8080/sms')).toBe(false);
  });
});
