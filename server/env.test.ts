import { describe, expect, it } from 'vitest';
import { parseEnv } from './env';

describe('environment', () => {
  it('defaults to the embedded database in ./.data', () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ DATA_DIR: './.data', CASHDESK_DEMO_SEED: 'auto' });
  });

  it('treats empty variables as unset', () => {
    expect(parseEnv({ DATABASE_URL: '', CASHDESK_SECRET: '' }).DATABASE_URL).toBeUndefined();
  });

  it('fails fast with one readable line per bad variable', () => {
    expect(() => parseEnv({ DATABASE_URL: 'mysql://x', CASHDESK_BOOTSTRAP_API_KEY: 'short' })).toThrow(
      /invalid environment\n {2}DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ connection URL\n {2}CASHDESK_BOOTSTRAP_API_KEY: must be at least 24/,
    );
  });
});

describe('public URL', () => {
  const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db/cashdesk' } as const;

  it.each([
    [{}, 'http://localhost:3000'],
    [{ PORT: '3100' }, 'http://localhost:3100'],
    [{ CASHDESK_PUBLIC_URL: 'https://billing.example.com/' }, 'https://billing.example.com'],
    [{ NEXTAUTH_URL: 'https://billing.example.com/api/auth' }, 'https://billing.example.com'],
    [{ ...production, CASHDESK_PUBLIC_URL: 'https://billing.example.com:8443' }, 'https://billing.example.com:8443'],
    [{ ...production, NEXTAUTH_URL: 'https://billing.example.com' }, 'https://billing.example.com'],
    // The embedded demo and the build run without one.
    [{ NODE_ENV: 'production' }, 'http://localhost:3000'],
    [{ ...production, NEXT_PHASE: 'phase-production-build' }, 'http://localhost:3000'],
  ])('%j → %s', (source, origin) => {
    expect(parseEnv(source).publicOrigin).toBe(origin);
  });

  it('is required in production with a database of its own', () => {
    expect(() => parseEnv(production)).toThrow(/invalid environment\n {2}CASHDESK_PUBLIC_URL: is required in production with DATABASE_URL/);
  });

  it.each([
    ['ftp://billing.example.com', 'must be an http:// or https:// URL'],
    ['billing.example.com', 'must be an http:// or https:// URL'],
    ['https://billing.example.com/desk', 'must be an origin only'],
    ['https://billing.example.com/?a=1', 'must be an origin only'],
  ])('refuses %s with one line', (value, message) => {
    expect(() => parseEnv({ CASHDESK_PUBLIC_URL: value })).toThrow(new RegExp(`\\n {2}CASHDESK_PUBLIC_URL: ${message}[^\\n]*$`));
  });

  it('refuses a public URL that disagrees with NEXTAUTH_URL', () => {
    expect(() => parseEnv({ CASHDESK_PUBLIC_URL: 'https://a.example.com', NEXTAUTH_URL: 'https://b.example.com' })).toThrow(
      /CASHDESK_PUBLIC_URL: is https:\/\/a.example.com but NEXTAUTH_URL is https:\/\/b.example.com/,
    );
  });
});

describe('trusted proxies', () => {
  it('defaults to none and reads a comma list of addresses and ranges', () => {
    expect(parseEnv({}).CASHDESK_TRUSTED_PROXIES).toEqual([]);
    expect(parseEnv({ CASHDESK_TRUSTED_PROXIES: ' 10.0.0.0/8, 127.0.0.1,::1 ,fd00::/8,' }).CASHDESK_TRUSTED_PROXIES).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
    ]);
  });

  it.each(['10.0.0.0/33', 'fd00::/129', 'proxy.internal', '10.0.0.1/8/8', '10.0.0/8', '10.0.0.0/-1'])('refuses %s with one line', (entry) => {
    expect(() => parseEnv({ CASHDESK_TRUSTED_PROXIES: `127.0.0.1,${entry}` })).toThrow(
      `invalid environment\n  CASHDESK_TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`,
    );
  });
});
