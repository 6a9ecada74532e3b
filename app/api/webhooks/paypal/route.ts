import { database } from '@/server/db';
import { receivePayPalWebhook } from '@/server/services/receive-paypal-event';

export const dynamic = 'force-dynamic';

// The signature covers a CRC of the exact bytes PayPal sent, so the body is read raw.
export async function POST(request: Request) {
  const header = (name: string) => request.headers.get(name);
  const answer = await receivePayPalWebhook(await database(), {
    rawBody: await request.text(),
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
