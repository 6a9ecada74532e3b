import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 24 random bytes in base64. */
export const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/**
 * The three headers of one attempt. While a rotated secret still overlaps, the signature header
 * carries one signature per secret (space-separated, as the specification allows), so a
 * receiver that has either secret verifies it.
 */
export function signedHeaders(secrets: readonly string[], messageId: string, sentAt: Date, body: string): Record<string, string> {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(messageId, sentAt, body)).join(' '),
  };
}
