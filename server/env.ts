import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

// Links are origin + path, so a public URL with a path of its own would lose it in every link.
const publicUrl = httpUrl
  .refine((value) => {
    if (!URL.canParse(value)) return true; // the URL check above reports it
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  }, 'must be an origin only, like https://billing.example.com (no path, query or credentials)')
  .transform((value) => new URL(value).origin);

/** One address ("203.0.113.7", "::1") or range ("10.0.0.0/8", "fd00::/8"). */
function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const proxyList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  )
  .superRefine((entries, ctx) => {
    for (const entry of entries.filter((e) => !isAddressOrRange(e))) {
      ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)` });
    }
  });

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
  CASHDESK_BOOTSTRAP_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(24, 'must be at least 24 characters, so it cannot be guessed').optional()),
  CASHDESK_DEMO_SEED: z.preprocess(emptyAsUndefined, z.enum(['auto', 'always', 'never']).default('auto')),
  // Without a Resend key, e-mail goes to the dev outbox (Admin → Outbox) instead of out.
  RESEND_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  RESEND_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  EMAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default('Cashdesk <billing@localhost>')),
  // The embedded scheduler fires the daily billing and dunning runs; "off" leaves that to
  // someone else (tests, a second instance that should only serve pages).
  CASHDESK_SCHEDULER: z.preprocess(emptyAsUndefined, z.enum(['on', 'off']).default('on')),
  // How long a webhook attempt holds its delivery before another process may send it again
  // (docs/webhooks.md). Below the 10 s attempt timeout a slow receiver can get an attempt twice:
  // the crash test shortens it so a killed server's claims lapse within seconds.
  CASHDESK_WEBHOOK_CLAIM_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1_000).optional()),
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
  // Where customers reach this server: every absolute link (e-mails, PDFs, payment return URLs,
  // WhatsApp texts, the API's public_url) is built from it, never from request headers.
  CASHDESK_PUBLIC_URL: z.preprocess(emptyAsUndefined, publicUrl.optional()),
  // next-auth's canonical URL (it may carry a base path); its origin stands in for the above.
  NEXTAUTH_URL: z.preprocess(emptyAsUndefined, httpUrl.optional()),
  // Proxies whose X-Forwarded-For entries are believed; none by default.
  CASHDESK_TRUSTED_PROXIES: z.preprocess(emptyAsUndefined, proxyList.default([])),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).optional()),
  NEXT_PHASE: z.string().optional(),
});

/**
 * The public origin: CASHDESK_PUBLIC_URL, else NEXTAUTH_URL's origin. A server with its own
 * database in production serves real customers, so guessing would put a wrong host into mails
 * and payment return URLs: there it is required. Everywhere else (the embedded demo, dev, tests)
 * it defaults to this machine. `next build` sees no runtime settings, so it is not asked.
 */
const withPublicOrigin = envSchema
  .superRefine((e, ctx) => {
    const nextAuthOrigin = e.NEXTAUTH_URL && new URL(e.NEXTAUTH_URL).origin;
    if (e.CASHDESK_PUBLIC_URL && nextAuthOrigin && e.CASHDESK_PUBLIC_URL !== nextAuthOrigin) {
      ctx.addIssue({
        code: 'custom',
        path: ['CASHDESK_PUBLIC_URL'],
        message: `is ${e.CASHDESK_PUBLIC_URL} but NEXTAUTH_URL is ${nextAuthOrigin}; they must name the same origin`,
      });
    }
    const required = e.DATABASE_URL && e.NODE_ENV === 'production' && e.NEXT_PHASE !== 'phase-production-build';
    if (required && !e.CASHDESK_PUBLIC_URL && !nextAuthOrigin) {
      ctx.addIssue({
        code: 'custom',
        path: ['CASHDESK_PUBLIC_URL'],
        message: 'is required in production with DATABASE_URL (e.g. https://billing.example.com): links in e-mails and payment return URLs are built from it',
      });
    }
  })
  .transform((e) => ({
    ...e,
    publicOrigin: e.CASHDESK_PUBLIC_URL ?? (e.NEXTAUTH_URL ? new URL(e.NEXTAUTH_URL).origin : `http://localhost:${e.PORT ?? 3000}`),
  }));

type ParsedEnv = z.infer<typeof withPublicOrigin>;
export type Env = ParsedEnv & { secret: string; inngestMode: 'inngest' | 'embedded' };

/** Parses an environment, failing with one readable line per bad variable. */
export function parseEnv(source: Record<string, string | undefined>): ParsedEnv {
  const parsed = withPublicOrigin.safeParse(source);
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
  const inngestMode = (parsed.INNGEST_EVENT_KEY && parsed.INNGEST_SIGNING_KEY) || parsed.INNGEST_DEV ? 'inngest' : 'embedded';
  cached = { ...parsed, secret: parsed.CASHDESK_SECRET ?? persistentSecret(parsed.DATA_DIR), inngestMode };
  return cached;
}

/** Where customers reach this server (`https://host[:port]`, no trailing slash): the only base of absolute links. */
export const publicOrigin = () => env().publicOrigin;
