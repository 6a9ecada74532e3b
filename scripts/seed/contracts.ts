import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { invoices } from '@/db/schema';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { usageBatchInput } from '@/server/schemas/usage';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { createProduct } from '@/server/services/catalog/create-product';
import { systemContext } from '@/server/services/context';
import { addCustomerContact } from '@/server/services/customers/add-contact';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { reportUsage } from '@/server/services/usage/report';

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/**
 * A B2B contract as docs/contract-orders.md describes it: Katherine's company pays for three
 * support-agent seats each month, which include $20 of prepaid credits, and for the messages its
 * agents send (usage, billed in arrears at 1.5¢ each). Last month's invoice was paid, so its
 * credits became available; the caller's run today bills this month's seats and last month's
 * usage, which draws those credits first.
 */
export async function seedContract(db: Database, now: Date, customerId: string): Promise<void> {
  const ctx = (days: number) => systemContext(db, daysAgo(now, days));
  await addCustomerContact(ctx(45), { customerId, name: 'Accounts Payable', email: 'ap@orbit.test' });
  const agent = await createProduct(
    ctx(45),
    camelized(createProductInput).parse({
      name: 'Support Agent',
      category: 'Agents',
      type: 'recurring',
      prices: [
        { cycle: 'monthly', currency: 'USD', amount: 4900 },
        { cycle: 'annual', currency: 'USD', amount: 49000 },
      ],
      included_credits: { amount: 2000, rollover: false },
      tax_code: '998314',
    }),
  );
  const messages = await createProduct(
    ctx(45),
    camelized(createProductInput).parse({
      name: 'Agent messages',
      category: 'Agents',
      type: 'usage',
      prices: [{ cycle: 'monthly', currency: 'USD', amount: '1.5' }],
      tax_code: '998314',
    }),
  );
  // Started 40 days ago: billed on that day of each month, due in 14 days, to the AP inbox.
  const order = await placeOrder(
    ctx(40),
    camelized(placeOrderInput).parse({
      customer_id: customerId,
      name: 'Trajectory — Support Agents',
      contact_email: 'ap@orbit.test',
      due_days: 14,
      items: [
        { product_id: agent.id, cycle: 'monthly', quantity: 3 },
        { product_id: messages.id, cycle: 'monthly' },
      ],
    }),
  );
  await runBilling(ctx(40), {});
  const [first] = await db
    .select({ id: invoices.id })
    .from(invoices)
    .where(and(eq(invoices.orderId, order.id), eq(invoices.status, 'pending')));
  await markInvoicePaid(ctx(36), { id: first!.id, method: 'bank_transfer', reference: 'ACH-7731' });
  const service = order.services.find((row) => row.productId === messages.id)!.id;
  // 1,800 messages over the month: $27.00, of which the paid credits cover $20.00.
  const records = Array.from({ length: 30 }, (_, day) => ({
    id: `demo-messages-${day}`,
    service_id: service,
    quantity: 60,
    occurred_at: daysAgo(now, 39 - day).toISOString(),
  }));
  await reportUsage(ctx(9), camelized(usageBatchInput).parse({ records }).records, (index, field) => `records.${index}.${field}`);
}
