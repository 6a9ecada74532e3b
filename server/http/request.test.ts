import { describe, expect, it } from 'vitest';
import { clientIp, isSameOrigin } from './request';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('same-origin check for cookie-authenticated mutations', () => {
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
  ])('%j → %s', (entries, expected) => {
    expect(isSameOrigin(headers(entries))).toBe(expected);
  });
});

describe('client address', () => {
  it('takes the first forwarded hop, then x-real-ip', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.9, 10.0.0.1' }))).toBe('203.0.113.9');
    expect(clientIp(headers({ 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4');
    expect(clientIp(headers({}))).toBeUndefined();
  });
});
