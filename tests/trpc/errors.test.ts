import { TRPCError, type AnyRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { eq } from 'drizzle-orm';
import superjson from 'superjson';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { orderLines, services } from '@/db/schema';
import { appRouter, createCaller } from '@/server/api/root';
import { createCallerFactory, publicProcedure, router } from '@/server/api/trpc';
import { systemActor, type Actor } from '@/server/auth/actor';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { getInvoice } from '@/server/services/invoices/get';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenProduct, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
let admin: Actor;

beforeAll(async () => {
  admin = (await givenUser(db(), 'admin')).actor;
});
afterEach(() => {
  vi.restoreAllMocks();
});

const trpc = () => createCaller({ db: db(), actor: admin, origin: 'http://localhost' });

/** A procedure call over HTTP, as the console's browser makes it; the answer's error, decoded. */
async function overHttp(target: AnyRouter, path: string, input: unknown, method: 'GET' | 'POST' = 'GET') {
  const encoded = JSON.stringify(superjson.serialize(input));
  const url = `http://localhost/api/trpc/${path}${method === 'GET' ? `?input=${encodeURIComponent(encoded)}` : ''}`;
  const response = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req: new Request(url, { method, ...(method === 'POST' ? { body: encoded, headers: { 'content-type': 'application/json' } } : {}) }),
    router: target,
    createContext: () => ({ db: db(), actor: admin, origin: 'http://localhost' }),
  });
  const body = (await response.json()) as { error: Parameters<typeof superjson.deserialize>[0] };
  return { status: response.status, error: superjson.deserialize<{ message: string; code: number; data: Record<string, unknown> }>(body.error) };
}

const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const notAUuid = cursorOf(['2026-03-01T10:20:30.123Z', 'nope']);

describe('tRPC list cursors', () => {
  it.each([
    ['customers.list', () => trpc().customers.list({ limit: 5, cursor: notAUuid })],
    ['invoices.list', () => trpc().invoices.list({ limit: 5, cursor: notAUuid })],
    ['orders.list', () => trpc().orders.list({ limit: 5, cursor: notAUuid })],
    ['catalog.products', () => trpc().catalog.products({ limit: 5, cursor: notAUuid })],
    ['automation.jobs', () => trpc().automation.jobs({ limit: 5, cursor: notAUuid })],
  ])('%s refuses a made-up cursor as BAD_REQUEST on the cursor field, with no SQL in the message', async (_, call) => {
    const error = await call().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', cause: { fields: { cursor: 'is not a cursor this API returned' } } });
    expect((error as TRPCError).message).not.toMatch(/select|query/i);
  });

  it('people.audit refuses a position beyond any entry id as BAD_REQUEST on the before field', async () => {
    await expect(trpc().people.audit({ before: '9'.repeat(30) })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { fields: { before: expect.any(String) } },
    });
    expect((await trpc().people.audit({ before: String(2n ** 63n - 1n) })).items.length).toBeGreaterThanOrEqual(0);
  });

  it('answers the browser with the field message, and the huge cursor too', async () => {
    const made = await overHttp(appRouter, 'customers.list', { limit: 5, cursor: notAUuid });
    expect(made).toMatchObject({
      status: 400,
      error: { message: 'Invalid cursor', data: { code: 'BAD_REQUEST', appCode: 'validation', fields: { cursor: expect.any(String) } } },
    });
    const huge = await overHttp(appRouter, 'customers.list', { limit: 5, cursor: 'A'.repeat(5000) });
    expect(huge).toMatchObject({ status: 400, error: { data: { appCode: 'validation', fields: { cursor: expect.any(String) } } } });
  });
});

describe('tRPC unexpected errors', () => {
  const failing = router({
    boom: publicProcedure.query(() => {
      throw new Error('Failed query: select password_hash from users');
    }),
  });

  it('answers a thrown Error with a generic message naming the reference the log carries', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const error = await createCallerFactory(failing)({ db: db(), actor: admin, origin: 'http://localhost' })
      .boom()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INTERNAL_SERVER_ERROR' });
    const message = (error as TRPCError).message;
    expect(message).not.toContain('select');
    const ref = /^Something went wrong \(ref (err_[0-9a-f]{6})\); nothing was changed$/.exec(message)?.[1];
    expect(ref).toBeDefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(expect.stringContaining(ref!), expect.objectContaining({ message: 'Failed query: select password_hash from users' }));
  });

  it('says the same over HTTP, logging once, with no stack or cause for the client', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { status, error } = await overHttp(failing, 'boom', undefined);
    expect(status).toBe(500);
    expect(JSON.stringify(error)).not.toContain('select');
    expect(error.message).toMatch(/^Something went wrong \(ref err_[0-9a-f]{6}\); nothing was changed$/);
    expect(error.data.stack).toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]![0]).toContain(/ref (err_[0-9a-f]{6})/.exec(error.message)![1]);
  });

  it('lets refusals and bad input through with their own words', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await expect(trpc().customers.byId({ id: '0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3c' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Customer not found',
    });
    const invalid = await overHttp(appRouter, 'customers.create', { name: '', email: 'bad' }, 'POST');
    expect(invalid).toMatchObject({ status: 400, error: { data: { appCode: 'validation', fields: { name: 'is required' } } } });
    expect(log).not.toHaveBeenCalled();
  });
});

describe('tRPC edit price on a fractional quantity', () => {
  /** An order whose plan line is for 1.5 units: quantities are numeric(15,3), so the line may hold one. */
  async function givenFractionalOrder() {
    const product = await givenProduct(db(), { monthly: 1000 });
    const customer = await givenCustomer(db());
    const order = await placeOrder(
      ctxOf(db(), systemActor()),
      camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }),
    );
    const line = order.lines[0]!;
    await db().update(orderLines).set({ quantity: '1.500' }).where(eq(orderLines.id, line.id));
    return { order, line };
  }

  it('bills a rise after payment with a debit note for 1.5 units, and renews at round(1.5 × price)', async () => {
    const { order, line } = await givenFractionalOrder();
    await markInvoicePaid(ctxOf(db(), systemActor()), { id: order.invoiceId! });
    const edit = await trpc().orders.editPrice({ id: order.id, line_id: line.id, unit_price: 1333, reason: 'Upgraded support' });
    expect(edit.document).toBe('debit_note');
    const note = await getInvoice(ctxOf(db(), systemActor()), { id: edit.invoiceId });
    expect(note.lines[0]).toMatchObject({ quantity: '1.500', unitPrice: 333n, subtotal: 500n }); // 499.5, half away from zero
    const [service] = await db().select({ price: services.price }).from(services).where(eq(services.orderLineId, line.id));
    expect(service!.price).toBe(2000n); // 1.5 × 13.33 = 19.995
  });

  it('refuses a fractional price as BAD_REQUEST with a field message', async () => {
    const { order, line } = await givenFractionalOrder();
    const answer = await overHttp(appRouter, 'orders.editPrice', { id: order.id, line_id: line.id, unit_price: 1.5, reason: 'x' }, 'POST');
    expect(answer).toMatchObject({
      status: 400,
      error: { data: { appCode: 'validation', fields: { unit_price: 'must be an integer amount in minor units (no decimals)' } } },
    });
  });
});
