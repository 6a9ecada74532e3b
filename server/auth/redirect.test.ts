import { describe, expect, it } from 'vitest';
import { safeRedirectPath, sameSiteRedirect } from './redirect';

describe('after sign-in redirects', () => {
  it.each([
    ['/admin/invoices?status=paid', '/admin/invoices?status=paid'],
    ['/client#open', '/client#open'],
    ['/\\example.com', undefined],
    ['/\\/example.com', undefined],
    ['//example.com', undefined],
    ['/\t/example.com', undefined],
    ['/\n/example.com', undefined],
    ['https://example.com', undefined],
    ['javascript:alert(1)', undefined],
    ['admin', undefined],
    ['', undefined],
    [undefined, undefined],
    [['/admin'], undefined],
  ])('%j → %j', (value, expected) => {
    expect(safeRedirectPath(value)).toBe(expected);
  });

  it('keeps next-auth on this site', () => {
    const baseUrl = 'https://desk.example.test';
    expect(sameSiteRedirect({ url: '/admin', baseUrl })).toBe('https://desk.example.test/admin');
    expect(sameSiteRedirect({ url: 'https://desk.example.test/client?x=1', baseUrl })).toBe('https://desk.example.test/client?x=1');
    expect(sameSiteRedirect({ url: '/\\example.com', baseUrl })).toBe(baseUrl);
    expect(sameSiteRedirect({ url: 'https://example.com/admin', baseUrl })).toBe(baseUrl);
    expect(sameSiteRedirect({ url: 'https://desk.example.test.evil.test/', baseUrl })).toBe(baseUrl);
  });
});
