import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL')
      .optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./.data')),
  CASHDESK_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
  CASHDESK_BOOTSTRAP_API_KEY: z.preprocess(
    emptyAsUndefined,
    z.string().min(24, 'must be at least 24 characters, so it cannot be guessed').optional(),
  ),
  CASHDESK_DEMO_SEED: z.preprocess(emptyAsUndefined, z.enum(['auto', 'always', 'never']).default('auto')),
  // Without a Resend key, e-mail goes to the dev outbox (Admin → Outbox) instead of out.
  RESEND_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  RESEND_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  EMAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Cashdesk <billing@localhost>')),
  // The embedded scheduler fires the daily billing and dunning runs; "off" leaves that to
  // someone else (tests, a second instance that should only serve pages).
  CASHDESK_SCHEDULER: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  INNGEST_EVENT_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  INNGEST_SIGNING_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  INNGEST_DEV: z.preprocess(emptyAsUndefined, z.string().optional()),
  // Gateway defaults; Settings → Payments overrides them. The *_API_URL variables point the
  // SDKs at a local fake or a proxy; unset, they talk to Stripe and to PayPal's sandbox.
  STRIPE_SECRET_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  STRIPE_WEBHOOK_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  STRIPE_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  PAYPAL_CLIENT_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  PAYPAL_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().optional()),
  PAYPAL_WEBHOOK_ID: z.preprocess(emptyAsUndefined, z.string().optional()),
  PAYPAL_API_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  PAYPAL_SDK_URL: z.preprocess(emptyAsUndefined, z.url().default('https://www.paypal.com/sdk/js')),
});

export type Env = z.infer<typeof envSchema> & { secret: string; inngestMode: 'inngest' | 'embedded' };

/** Parses an environment, failing with one readable line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): z.infer<typeof envSchema> {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Cashdesk cannot start: invalid environment\n${lines.join('\n')}`);
  }
  return parsed.data;
}

// Without CASHDESK_SECRET a random one is made once and kept in DATA_DIR, so sessions and
// signed links survive restarts of a zero-configuration install.
function persistentSecret(dataDir: string): string {
  const file = path.join(dataDir, 'secret');
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
    return secret;
  }
}

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const parsed = parseEnv(process.env);
  const inngestMode =
    (parsed.INNGEST_EVENT_KEY && parsed.INNGEST_SIGNING_KEY) || parsed.INNGEST_DEV ? 'inngest' : 'embedded';
  cached = { ...parsed, secret: parsed.CASHDESK_SECRET ?? persistentSecret(parsed.DATA_DIR), inngestMode };
  return cached;
}

/** Where customers reach this server, for links in what jobs send (no request to ask). */
export const publicOrigin = () => (process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
