import { database } from '@/server/db';
import { bodyTextWithin, tooLarge } from '@/server/http/body-limit';
import { receivePayPalWebhook } from '@/server/services/payments/receive-paypal-event';

export const dynamic = 'force-dynamic';

// The signature covers a CRC of the exact bytes PayPal sent, so the body is read raw; anyone
// may post here, so no more than the limit of it is read.
export async function POST(request: Request) {
  const rawBody = await bodyTextWithin(request);
  if (rawBody === null) return tooLarge();
  const header = (name: string) => request.headers.get(name);
  const answer = await receivePayPalWebhook(await database(), {
    rawBody,
    headers: {
      transmissionId: header('paypal-transmission-id'),
      transmissionTime: header('paypal-transmission-time'),
      transmissionSig: header('paypal-transmission-sig'),
      certUrl: header('paypal-cert-url'),
      authAlgo: header('paypal-auth-algo'),
    },
    now: new Date(),
  });
  return Response.json(answer.body, { status: answer.status });
}
