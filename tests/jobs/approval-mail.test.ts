import { eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, jobs, workflowEvents } from '@/db/schema';
import { activateOrder } from '@/inngest/functions/activate';
import { notifyApproval } from '@/inngest/functions/approval';
import { systemActor } from '@/server/auth/actor';
import { runWorkflow } from '@/server/jobs/executor';
import { dispatchPending, type Runtime } from '@/server/jobs/runtime';
import { receivedEvent } from '@/server/jobs/workflow';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { approveOrder } from '@/server/services/orders/change-status';
import { placeOrder } from '@/server/services/orders/place';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenCustomer, givenDeskAdmins, givenProduct } from '../support/fixtures';

const { db } = withTestDatabase();
const runtime: Runtime = { mode: 'embedded', workflows: [notifyApproval, activateOrder], backoff: () => 0 };
const admins: string[] = [];

/** The approval e-mails kept in the outbox about one order (the link names it). */
const mailsAbout = (orderId: string) =>
  db()
    .select()
    .from(emailOutbox)
    .where(like(emailOutbox.html, `%/admin/orders/${orderId}%`));

async function paidOrder(autoActivate: boolean) {
  const product = await givenProduct(db(), { monthly: 4200, autoActivate });
  const customer = await givenCustomer(db(), { name: 'Ada Lovelace Ltd' });
  const ctx = ctxOf(db(), systemActor(), new Date('2026-11-30T10:00:00Z'));
  const order = await placeOrder(ctx, camelized(placeOrderInput).parse({ customer_id: customer.id, items: [{ product_id: product.id, cycle: 'monthly' }] }));
  await markInvoicePaid(ctx, { id: order.invoiceId! });
  return order;
}

beforeAll(async () => {
  // Neither a disabled admin nor staff hear of it.
  admins.push(...(await givenDeskAdmins(db())));
});

describe('admins hear about orders waiting for approval', () => {
  it('mails each active admin once when the first invoice of an order needing approval is paid, however often the run goes', async () => {
    const order = await paidOrder(false);
    const [event] = await db()
      .select()
      .from(workflowEvents)
      .where(eq(workflowEvents.eventId, `order-awaiting-approval:${order.id}`));
    expect(event).toMatchObject({ name: 'order/awaiting-approval', data: { orderId: order.id } });

    await dispatchPending(db(), runtime);
    const [job] = await db()
      .select()
      .from(jobs)
      .where(eq(jobs.eventId, `order-awaiting-approval:${order.id}`));
    expect(job).toMatchObject({ function: 'notify-admins-approval', status: 'completed', subjectType: 'order', subjectId: order.id });

    const mails = await mailsAbout(order.id);
    expect(mails.map((m) => m.to).sort()).toEqual([...admins].sort());
    const mail = mails[0]!;
    expect(mail).toMatchObject({ template: 'order_awaiting_approval', invoiceId: null, subject: `Approve order ${order.number} from Ada Lovelace Ltd` });
    expect(mail.text).toContain(`Order: ${order.number}`);
    expect(mail.text).toContain('Customer: Ada Lovelace Ltd');
    expect(mail.text).toContain('Total: $42.00');
    expect(mail.html).toContain(`http://localhost:3000/admin/orders/${order.id}`);

    // The same event again is the same run; a run started afresh (its step record lost, as
    // after a crash between the send and the record) sends, but every mail is kept once.
    await runWorkflow(db(), notifyApproval, receivedEvent(event!.name, event!.data, event!.eventId), runtime);
    const again = await runWorkflow(db(), notifyApproval, receivedEvent(event!.name, event!.data, `${event!.eventId}:rerun`), runtime);
    expect(again).toMatchObject({ status: 'completed', output: { mails: admins.map(() => expect.objectContaining({ status: 'sent' })) } });
    expect(await mailsAbout(order.id)).toHaveLength(admins.length);
  });

  it('mails nobody once the order has been decided', async () => {
    const order = await paidOrder(false);
    await approveOrder(ctxOf(db(), systemActor()), { id: order.id });
    const job = await runWorkflow(
      db(),
      notifyApproval,
      { name: 'order/awaiting-approval', id: `order-awaiting-approval:${order.id}`, data: { orderId: order.id } },
      runtime,
    );
    expect(job.status).toBe('completed');
    expect(await mailsAbout(order.id)).toHaveLength(0);
  });

  it('mails nobody for an order that activates by itself', async () => {
    const order = await paidOrder(true);
    expect(await db().select().from(workflowEvents).where(eq(workflowEvents.name, 'order/awaiting-approval'))).not.toContainEqual(
      expect.objectContaining({ data: { orderId: order.id } }),
    );
    await dispatchPending(db(), runtime);
    expect(await mailsAbout(order.id)).toHaveLength(0);
  });
});
