import { database } from '@/server/db';
import { bodyTextWithin, tooLarge } from '@/server/http/body-limit';
import { receiveStripeWebhook } from '@/server/services/payments/receive-stripe-event';

export const dynamic = 'force-dynamic';

// The signature covers the exact bytes Stripe sent, so the body is read raw, never re-encoded;
// anyone may post here, so no more than the limit of it is read.
export async function POST(request: Request) {
  const rawBody = await bodyTextWithin(request);
  if (rawBody === null) return tooLarge();
  const answer = await receiveStripeWebhook(await database(), {
    rawBody,
    signature: request.headers.get('stripe-signature'),
    now: new Date(),
  });
  return Response.json(answer.body, { status: answer.status });
}
