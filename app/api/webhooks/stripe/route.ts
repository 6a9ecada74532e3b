import { database } from '@/server/db';
import { receiveStripeWebhook } from '@/server/services/receive-stripe-event';

export const dynamic = 'force-dynamic';

// The signature covers the exact bytes Stripe sent, so the body is read raw, never re-encoded.
export async function POST(request: Request) {
  const answer = await receiveStripeWebhook(await database(), {
    rawBody: await request.text(),
    signature: request.headers.get('stripe-signature'),
    now: new Date(),
  });
  return Response.json(answer.body, { status: answer.status });
}
