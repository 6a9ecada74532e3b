import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { AppError } from '../errors';

const scryptAsync = promisify(scryptCallback) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

// OWASP's scrypt baseline (N=2^17, r=8, p=1). The parameters travel with each hash, so they
// can be raised later without breaking existing passwords.
const params = { N: 2 ** 17, r: 8, p: 1 };
const keyLength = 32;
const maxmem = 256 * 1024 * 1024;

// Each hash holds 128 MB and a libuv thread for a fraction of a second. Unbounded, a burst of
// sign-ins would take every thread (file and DNS work waits behind them) and gigabytes of
// memory; two at a time leaves the server responsive, and the rest wait their turn. A queue
// past `maxWaiting` is refused rather than grown, so a flood costs memory for nothing.
const concurrency = 2;
const maxWaiting = 200;
const holder = globalThis as typeof globalThis & { __cashdeskScrypt?: { running: number; waiting: Array<() => void> } };
const slots = (holder.__cashdeskScrypt ??= { running: 0, waiting: [] });

async function scrypt(...args: Parameters<typeof scryptAsync>): Promise<Buffer> {
  if (slots.running >= concurrency) {
    if (slots.waiting.length >= maxWaiting) throw new AppError('rate_limited', 'The server is busy checking passwords; try again in a moment');
    await new Promise<void>((resolve) => slots.waiting.push(resolve));
  } else {
    slots.running++;
  }
  try {
    return await scryptAsync(...args);
  } finally {
    // Hand the slot straight to the next in line, so `running` never dips and lets a newcomer jump the queue.
    const next = slots.waiting.shift();
    if (next) next();
    else slots.running--;
  }
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFKC'), salt, keyLength, { ...params, maxmem });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), hash.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algorithm, n, r, p, salt, hash] = stored.split('$');
  if (algorithm !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem,
  });
  return timingSafeEqual(actual, expected);
}

// Random salt and digest in the current format: no password matches it, and checking one costs
// exactly what checking a real hash costs.
const nothing = ['scrypt', params.N, params.r, params.p, randomBytes(16).toString('base64url'), randomBytes(keyLength).toString('base64url')].join('$');

/**
 * Checks a password for an e-mail that has no account, so answering "wrong" costs the same
 * scrypt as for a real account and timing does not tell them apart.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verifyPassword(password, nothing);
  return false;
}
