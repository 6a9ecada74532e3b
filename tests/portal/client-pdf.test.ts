import { beforeEach, describe, expect, it, vi } from 'vitest';
import { GET as clientPdf } from '@/app/client/invoices/[id]/pdf/route';
import { currentUser } from '@/server/auth/next-auth';
import { withTestDatabase } from '../support/database';
import { givenCustomer, givenInvoice, givenUser } from '../support/fixtures';

// The route reads the next-auth session; here the signed-in user is whoever the test says.
vi.mock('@/server/auth/next-auth', () => ({ currentUser: vi.fn() }));

const { db } = withTestDatabase();
const signedIn = vi.mocked(currentUser);
const download = (id: string) => clientPdf(new Request(`http://portal.test/client/invoices/${id}/pdf`), { params: Promise.resolve({ id }) });

async function givenClient() {
  const customer = await givenCustomer(db());
  const user = await givenUser(db(), 'client', { customerId: customer.id });
  return { customer, user };
}

describe('GET /client/invoices/{id}/pdf (portal download)', () => {
  beforeEach(() => signedIn.mockReset());

  it('serves the client’s own invoice as a PDF', async () => {
    const { customer, user } = await givenClient();
    const invoice = await givenInvoice(db(), { customerId: customer.id });
    signedIn.mockResolvedValue({ id: user.id, email: 'c@x.test', name: 'C', role: 'client' });
    const response = await download(invoice.id);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="${invoice.number}.pdf"`);
  });

  it('answers 404 for another customer’s invoice, a draft, or no id, and 401 without a session', async () => {
    const { customer, user } = await givenClient();
    const other = await givenInvoice(db());
    const draft = await givenInvoice(db(), { customerId: customer.id, status: 'draft' });
    signedIn.mockResolvedValue({ id: user.id, email: 'c@x.test', name: 'C', role: 'client' });
    expect((await download(other.id)).status).toBe(404);
    expect((await download(draft.id)).status).toBe(404);
    expect((await download('nope')).status).toBe(404);
    signedIn.mockResolvedValue(null);
    expect((await download(other.id)).status).toBe(401);
  });
});
