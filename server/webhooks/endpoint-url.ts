import { resolvesToPrivateAddress } from '@/server/http/outbound';

/**
 * Webhooks out carry billing data to a URL an admin typed, so it must be `https:` and on the
 * public internet. An operator whose receiver lives on a private network (or a developer on
 * localhost) starts the server with CASHDESK_WEBHOOKS_ALLOW_PRIVATE=1, which lets private and
 * loopback targets in — over http: too, but only those: plain http: to the internet never.
 */
export const privateWebhooksAllowed = () => process.env.CASHDESK_WEBHOOKS_ALLOW_PRIVATE === '1';

/** Why this endpoint URL is refused, or null when deliveries may go there. */
export async function endpointUrlProblem(url: string, allowPrivate = privateWebhooksAllowed()): Promise<string | null> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'must be an absolute https: URL';
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return 'must be an https: URL';
  if (target.username || target.password) return 'must not carry a user name or password';
  const isPrivate = await resolvesToPrivateAddress(url);
  if (!allowPrivate) {
    if (target.protocol !== 'https:') return 'must be an https: URL';
    if (isPrivate) return 'points to a private or loopback address (allowed only with CASHDESK_WEBHOOKS_ALLOW_PRIVATE=1)';
    return null;
  }
  if (target.protocol === 'http:' && !isPrivate) return 'must be an https: URL (http: only to a private or loopback address)';
  return null;
}
