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
