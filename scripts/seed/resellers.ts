import { inArray } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { camelized } from '@/server/schemas/common';
import { createInvoiceInput } from '@/server/schemas/invoices';
import { systemContext } from '@/server/services/context';
import { createCustomer } from '@/server/services/customers/create';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { recordPayment } from '@/server/services/payments/record';
import { monthOf } from '@/server/services/resellers/commissions';
import { createReseller } from '@/server/services/resellers/create';
import { payCommission } from '@/server/services/resellers/pay-commission';
import { readBillingSettings } from '@/server/services/settings/read';

type Customer = [name: string, email: string, company: string];
/** One invoice of a book; its dates follow from its state (see `seedInvoice`). */
type Invoice = [state: 'paid' | 'partial' | 'pending' | 'overdue', email: string, description: string, amount: number];

// Rene Reseller (10 %, made in demo.ts with Carol, John and Roberta) invoices two of its customers.
const reneInvoices: Invoice[] = [
  ['paid', 'john@id.test', 'Game server cluster, 3 nodes', 36000],
  ['partial', 'roberta@sierra.test', 'Website redesign hosting', 18000],
  ['pending', 'roberta@sierra.test', 'Extra bandwidth, 1 TB', 4500],
  ['overdue', 'john@id.test', 'DDoS protection add-on', 9900],
];

// Sally Sub: Rene's sub-reseller at 5 %, so her book is also in Rene's console.
const sally = { name: 'Sally Sub', email: 'sub@cashdesk.test', commissionPercent: 5_000n };
const sallyCustomers: Customer[] = [
  ['Jordan Mechner', 'jordan@prince.test', 'Prince Pixel Studio'],
  ['Rebecca Heineman', 'rebecca@bards.test', 'Bards Tale Servers'],
];
const sallyInvoices: Invoice[] = [
  ['paid', 'jordan@prince.test', 'Managed WordPress, monthly', 2900],
  ['partial', 'rebecca@bards.test', 'Dedicated game server', 12000],
  ['pending', 'jordan@prince.test', 'Domain renewal, prince.test', 1500],
  ['overdue', 'rebecca@bards.test', 'Off-site backups, 200 GB', 3500],
];

// Nora Networks: a second top-level reseller at 12.5 %, whose customers are billed in euros.
const nora = { name: 'Nora Networks', email: 'nora@cashdesk.test', commissionPercent: 12_500n, currency: 'EUR' };
const noraCustomers: Customer[] = [
  ['Konrad Zuse', 'konrad@z3.test', 'Z3 Rechenzentrum GmbH'],
  ['Andrew Tanenbaum', 'andy@minix.test', 'Minix Hosting BV'],
];
const noraInvoices: Invoice[] = [
  ['paid', 'konrad@z3.test', 'Colocation, half rack', 45000],
  ['partial', 'andy@minix.test', 'Cloud VPS fleet, 8 instances', 19200],
  ['pending', 'konrad@z3.test', 'Remote hands, 2 hours', 8000],
  ['overdue', 'andy@minix.test', 'SSL certificates, 5 domains', 2950],
];

/** `date` moved by whole days: negative into the past. */
const shift = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/**
 * The reseller world of the demo, all made through the services as the system: a sub-reseller
 * under Rene (`reneId`, who may create sub-resellers) and a second top-level reseller, each with
 * two customers; invoices paid, partly paid, pending and overdue in all three books (overdue once
 * the caller's billing run has marked them); and Rene's commission for last month paid out.
 * Runs before that billing run; `password` is the demo users' password, `customer` finds the
 * customers demo.ts made by e-mail.
 */
export async function seedResellers(db: Database, now: Date, demo: { reneId: string; password: string; customer: (email: string) => string }): Promise<void> {
  const ctx = (at: Date) => systemContext(db, at);
  // Given the demo password (short of a new password's 10 characters, as for every demo user), no
  // invitation is sent: the origin its link would use does not matter.
  const origin = 'http://localhost:3000';
  const sallySub = await createReseller(ctx(now), { ...sally, password: demo.password, parentId: demo.reneId, origin });
  const noraNetworks = await createReseller(ctx(now), { ...nora, password: demo.password, origin });
  // Flagged like the other demo users: while one keeps the well-known password the server stays on 127.0.0.1.
  await db
    .update(users)
    .set({ demoPassword: true })
    .where(inArray(users.id, [sallySub.id, noraNetworks.id]));

  const ids = new Map<string, string>();
  const books: Array<[resellerId: string, Customer[]]> = [
    [sallySub.id, sallyCustomers],
    [noraNetworks.id, noraCustomers],
  ];
  // Seconds apart, after demo.ts's customers, so the newest-first lists keep a stable order.
  let secondsBefore = sallyCustomers.length + noraCustomers.length;
  for (const [resellerId, customers] of books) {
    for (const [name, email, company] of customers) {
      const customer = await createCustomer(ctx(new Date(now.getTime() - secondsBefore-- * 1000)), { name, email, company, resellerId });
      ids.set(email, customer.id);
    }
  }
  const customerId = (email: string) => ids.get(email) ?? demo.customer(email);

  const invoices = async (book: Invoice[]) => {
    for (const [state, email, description, amount] of book) await seedInvoice(db, now, { state, customerId: customerId(email), description, amount });
  };
  await invoices(reneInvoices);
  await invoices(sallyInvoices);
  await invoices(noraInvoices);

  // Rene has been paid its commission on last month's invoices (its customers are billed in the
  // default currency); this month's stays outstanding.
  const lastMonth = monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)));
  const { currency } = await readBillingSettings(db);
  await payCommission(ctx(now), { resellerId: demo.reneId, ...lastMonth, currency, reference: 'DEMO-PAYOUT-1' });
}

/**
 * One invoice, dated by its state relative to `now`: paid — issued on the 5th of last month and
 * paid two days later (so last month's commission has something to pay out); partly paid —
 * issued 3 days ago but not before this month began, 40 % paid halfway since (so this month's
 * commission has something outstanding, even on the 1st); pending — issued yesterday; overdue —
 * issued 35 days ago, due 14 days later, unpaid.
 */
async function seedInvoice(db: Database, now: Date, invoice: { state: Invoice[0]; customerId: string; description: string; amount: number }): Promise<void> {
  const ctx = (at: Date) => systemContext(db, at);
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const issued = {
    paid: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 5, 10)),
    partial: new Date(Math.max(monthStart.getTime(), shift(now, -3).getTime())),
    pending: shift(now, -1),
    overdue: shift(now, -35),
  }[invoice.state];
  const created = await createInvoice(
    ctx(issued),
    camelized(createInvoiceInput).parse({
      customer_id: invoice.customerId,
      status: 'pending',
      due_date: invoice.state === 'overdue' ? shift(issued, 14).toISOString().slice(0, 10) : undefined,
      items: [{ description: invoice.description, quantity: 1, unit_price: invoice.amount }],
    }),
  );
  if (invoice.state === 'paid') {
    await markInvoicePaid(ctx(shift(issued, 2)), { id: created.id, method: 'bank_transfer', reference: 'DEMO-SEPA' });
  } else if (invoice.state === 'partial') {
    const part = (created.total * 40n) / 100n;
    const paidAt = new Date((issued.getTime() + now.getTime()) / 2);
    await recordPayment(ctx(paidAt), { invoiceId: created.id, amount: part, method: 'cash', reference: 'Part payment' });
  }
}
