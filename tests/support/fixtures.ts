import { randomBytes } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db';
import { orders, resellers, users, workflowEvents } from '@/db/schema';
import { activateOrder } from '@/inngest/functions/activate';
import { systemActor, userActor, type Actor } from '@/server/auth/actor';
import { defaultResellerFlags, type Role } from '@/server/auth/permissions';
import { runWorkflow } from '@/server/jobs/executor';
import { receivedEvent } from '@/server/jobs/workflow';
import { createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { createCustomerInput } from '@/server/schemas/customers';
import { createProduct } from '@/server/services/catalog/create-product';
import type { ServiceContext } from '@/server/services/context';
import { createCustomer } from '@/server/services/customers/create';
import { createInvoice } from '@/server/services/invoices/create';
import { createApiKey } from '@/server/services/people/api-keys';

const unique = () => randomBytes(4).toString('hex');

export const ctxOf = (db: Database, actor: Actor, now = new Date()): ServiceContext => ({ db, actor, now });

/**
 * The people a desk mail goes to and those it must skip: two active admins (their e-mails are
 * returned), a disabled admin and a staff member.
 */
export async function givenDeskAdmins(db: Database): Promise<string[]> {
  const active = [await givenUser(db, 'admin'), await givenUser(db, 'admin')];
  const disabled = await givenUser(db, 'admin');
  await db.update(users).set({ disabled: true }).where(eq(users.id, disabled.id));
  await givenUser(db, 'staff');
  const rows = await db
    .select({ email: users.email })
    .from(users)
    .where(
      inArray(
        users.id,
        active.map((admin) => admin.id),
      ),
    );
  return rows.map((row) => row.email);
}

/** A user of the role, inserted directly (sign-in is tested end to end, not here); a reseller holds the default flags unless told, at the top of the tree unless given a parent. */
export async function givenUser(
  db: Database,
  role: Role,
  options: { customerId?: string; permissions?: string[]; parentId?: string; seeParentCustomers?: boolean } = {},
): Promise<{ id: string; actor: Actor }> {
  const email = `${role}-${unique()}@example.test`;
  const [row] = await db
    .insert(users)
    .values({
      email,
      name: `${role} ${unique()}`,
      passwordHash: 'not-used',
      role,
      permissions: options.permissions ?? (role === 'reseller' ? [...defaultResellerFlags] : []),
      customerId: options.customerId ?? null,
    })
    .returning();
  if (role === 'reseller') {
    await db.insert(resellers).values({ userId: row!.id, parentId: options.parentId ?? null, seeParentCustomers: options.seeParentCustomers ?? false });
  }
  return { id: row!.id, actor: userActor({ ...row!, ip: '127.0.0.1' }) };
}

/** A customer made from API-shaped fields (as the REST tests write them), parsed as the edges parse them. */
export async function givenCustomer(db: Database, input: Partial<z.input<typeof createCustomerInput>> = {}, options: { actor?: Actor; now?: Date } = {}) {
  const tag = unique();
  return createCustomer(
    ctxOf(db, options.actor ?? systemActor(), options.now),
    camelized(createCustomerInput).parse({ name: `Customer ${tag}`, email: `c-${tag}@example.test`, ...input }),
  );
}

export async function givenApiKey(db: Database, role: Role, resellerId?: string): Promise<string> {
  const { key } = await createApiKey(ctxOf(db, systemActor()), { name: `${role} key`, role, resellerId: resellerId ?? null });
  return key;
}

/** An invoice created through the service, pending (numbered) unless a draft is asked for. */
export async function givenInvoice(
  db: Database,
  options: { customerId?: string; total?: bigint; status?: 'draft' | 'pending'; issueDate?: string; currency?: string } = {},
) {
  const customerId = options.customerId ?? (await givenCustomer(db)).id;
  return createInvoice(ctxOf(db, systemActor()), {
    customerId,
    status: options.status ?? 'pending',
    issueDate: options.issueDate,
    currency: options.currency,
    items: [{ description: 'Hosting', quantity: 1000n, unitPrice: options.total ?? 1000n, taxRate: 0n }],
  });
}

/** A product sold monthly and annually in USD (and EUR), optionally needing approval. */
export async function givenProduct(db: Database, options: { monthly?: number; autoActivate?: boolean; setupFee?: number; name?: string } = {}) {
  return createProduct(
    ctxOf(db, systemActor()),
    camelized(createProductInput).parse({
      name: options.name ?? `Plan ${unique()}`,
      type: 'recurring',
      auto_activate: options.autoActivate ?? true,
      prices: [
        { cycle: 'monthly', currency: 'USD', amount: options.monthly ?? 1000, setup_fee: options.setupFee ?? 0 },
        { cycle: 'annual', currency: 'USD', amount: (options.monthly ?? 1000) * 10 },
        { cycle: 'monthly', currency: 'EUR', amount: options.monthly ?? 1000 },
      ],
    }),
  );
}

/**
 * An order row written directly, created at 08:00 UTC on its start date, for the reports' tests
 * that need orders as they stood in the past (the use cases stamp the clock of the moment).
 */
export async function givenOrderRow(
  db: Database,
  values: { customerId: string; startDate: string; status?: 'active' | 'cancelled' | 'completed'; endDate?: string; currency?: string; contract?: boolean },
): Promise<string> {
  const [row] = await db
    .insert(orders)
    .values({
      number: `ORD-${unique()}`,
      customerId: values.customerId,
      name: 'Report fixture',
      status: values.status ?? 'active',
      currency: values.currency ?? 'USD',
      total: 0n,
      billingDay: 1,
      dueDays: 30,
      startDate: values.startDate,
      endDate: values.endDate ?? null,
      contract: values.contract ?? false,
      createdAt: new Date(`${values.startDate}T08:00:00Z`),
    })
    .returning({ id: orders.id });
  return row!.id;
}

/**
 * What the server's workflow loop does as soon as an order's first payment or its approval
 * commits: the activate-order runs of the events they emitted for the order (there must be one).
 */
export async function runOrderActivation(db: Database, orderId: string, now = new Date()) {
  const emitted = await db
    .select()
    .from(workflowEvents)
    .where(and(inArray(workflowEvents.name, ['order/paid', 'order/approved']), sql`${workflowEvents.data}->>'orderId' = ${orderId}`));
  if (emitted.length === 0) throw new Error(`Nothing emitted the activation of order ${orderId}`);
  const runs = [];
  for (const row of emitted)
    runs.push(await runWorkflow(db, activateOrder, receivedEvent(row.name, row.data, row.eventId), { now: () => now, backoff: () => 0 }));
  return runs;
}
