import { and, eq } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { POST as sendRoute } from '@/app/api/v1/invoices/[id]/send/route';
import { POST as cardButton, GET as cardLink } from '@/app/pay/[id]/stripe/route';
import { auditLog, emailOutbox } from '@/db/schema';
import { publicToken } from '@/server/services/invoices/public-link';
import { withTestDatabase } from '../support/database';
import { givenApiKey, givenCustomer, givenInvoice } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';
import { withFakeStripe } from '../support/stripe-env';

// A deployment at a public URL behind one proxy on the private network.
vi.hoisted(() => {
  process.env.CASHDESK_PUBLIC_URL = 'https://billing.example.test';
  process.env.CASHDESK_TRUSTED_PROXIES = '10.0.0.0/8';
});

const publicUrl = 'https://billing.example.test';
// What a caller can put in a request: another host, and an address of its choosing left of the
// one our proxy appends.
const forged = {
  host: 'evil.example.net',
  'x-forwarded-host': 'evil.example.net',
  'x-forwarded-proto': 'http',
  'x-forwarded-for': '192.0.2.66, 203.0.113.50',
};

const { db } = withTestDatabase();
const stripe = withFakeStripe('whsec_public_links', 'sk_test_public_links');

const payRoute = (id: string) => ({ params: Promise.resolve({ id }) });
const sessionBehind = (response: Response) => stripe().sessions.get(response.headers.get('location')!.split('/').pop()!)!;

describe('links are built from the public URL, never from request headers', () => {
  it('e-mails the public URL whatever host the API call named, and audits the address the proxy saw', async () => {
    const key = await givenApiKey(db(), 'admin');
    const invoice = await givenInvoice(db(), { customerId: (await givenCustomer(db())).id });
    const request = apiRequest(`/api/v1/invoices/${invoice.id}/send`, { key, method: 'POST', body: { channel: 'email' }, headers: forged });
    const response = await sendRoute(new Request(request.url.replace('localhost', 'evil.example.net'), request), params({ id: invoice.id }));
    expect(response.status).toBe(201);

    const [mail] = await db().select().from(emailOutbox).where(eq(emailOutbox.invoiceId, invoice.id));
    expect(mail!.html).toContain(`${publicUrl}/p/invoice/${invoice.id}?token=`);
    expect(mail!.html + mail!.text).not.toContain('evil.example.net');

    const audited = await db()
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, invoice.id), eq(auditLog.actorType, 'api_key')));
    expect(audited.map((row) => row.ip)).toEqual(audited.map(() => '203.0.113.50'));
    expect(audited.length).toBeGreaterThan(0);
  });

  it('sends Stripe back to the public URL from the card link in a mail and from the pay button', async () => {
    const invoice = await givenInvoice(db(), { customerId: (await givenCustomer(db())).id, total: 2500n });
    const token = publicToken(invoice.id, invoice.tokenVersion);
    const fromLink = await cardLink(
      new Request(`http://evil.example.net/pay/${invoice.id}/stripe?token=${encodeURIComponent(token)}`, { headers: forged }),
      payRoute(invoice.id),
    );
    expect(fromLink.status).toBe(303);
    expect(sessionBehind(fromLink)).toMatchObject({
      success_url: `${publicUrl}/pay/return?provider=stripe&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: expect.stringMatching(`^${publicUrl.replaceAll('.', '\\.')}/`),
    });

    // The pay page posts from the public origin while the proxy hands on an internal Host.
    const fromButton = await cardButton(
      new Request(`http://app:3000/pay/${invoice.id}/stripe`, {
        method: 'POST',
        headers: { ...forged, host: 'app:3000', 'x-forwarded-host': 'app:3000', origin: publicUrl, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token }),
      }),
      payRoute(invoice.id),
    );
    expect(fromButton.status).toBe(303);
    expect(sessionBehind(fromButton).success_url).toBe(`${publicUrl}/pay/return?provider=stripe&session_id={CHECKOUT_SESSION_ID}`);
  });

  it('turns a failed start back to the public URL too', async () => {
    const invoice = await givenInvoice(db());
    const refused = await cardLink(new Request(`http://evil.example.net/pay/${invoice.id}/stripe?token=wrong`, { headers: forged }), payRoute(invoice.id));
    expect(refused.headers.get('location')).toMatch(new RegExp(`^${publicUrl.replaceAll('.', '\\.')}/pay/return\\?invoice=`));
  });
});
