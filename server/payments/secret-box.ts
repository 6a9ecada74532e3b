import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { env } from '../env';

// Gateway secrets typed into Settings → Payments are sealed with a key derived from the server
// secret, so a database dump alone reveals no Stripe or PayPal key.
const PREFIX = 'sealed:v1:';

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'cashdesk', 'settings-secrets', 32));
}

export function seal(plain: string, secret = env().secret): string {
  if (plain === '') return '';
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
}

/** The plain value, or '' when it was never set or cannot be opened (the secret changed). */
export function unseal(stored: string, secret = env().secret): string {
  if (!stored.startsWith(PREFIX)) return stored;
  try {
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return '';
  }
}
