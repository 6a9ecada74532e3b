import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, savedViews } from '@/db/schema';
import { createCaller } from '@/server/api/root';
import type { Actor } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { createSavedViewInput, renameSavedViewInput, savedViewLimit } from '@/server/schemas/saved-views';
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView } from '@/server/services/saved-views/manage-views';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenUser } from '../support/fixtures';

const { db } = withTestDatabase();
let admin: Actor;
let staff: Actor;
let reseller: Actor;

beforeAll(async () => {
  admin = (await givenUser(db(), 'admin')).actor;
  staff = (await givenUser(db(), 'staff')).actor;
  reseller = (await givenUser(db(), 'reseller')).actor;
});

const as = (actor: Actor) => ctxOf(db(), actor, testNow);
/** The input as the console's dialog sends it through tRPC. */
const create = (actor: Actor, input: { name: string; query: Record<string, string> }) =>
  createSavedView(as(actor), createSavedViewInput.parse({ list: 'invoices', ...input }));
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('expected a refusal'),
    (error: unknown) => error as AppError,
  );
const auditOf = (viewId: string) =>
  db()
    .select({ action: auditLog.action, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'saved_view'), eq(auditLog.entityId, viewId)))
    .orderBy(asc(auditLog.id));

describe('saved views', () => {
  it('saves, lists, renames and deletes a view of the invoice list, each change with its audit row', async () => {
    const user = (await givenUser(db(), 'staff')).actor;
    const view = await create(user, { name: ' Overdue in EUR ', query: { status: 'overdue', currency: 'EUR', min: '10.50', customer: '' } });
    expect(view).toMatchObject({ list: 'invoices', name: 'Overdue in EUR', query: { status: 'overdue', currency: 'EUR', min: '10.50' }, createdAt: testNow });

    const second = await create(user, { name: 'Due this month', query: { date_field: 'due', from: '2027-01-01', to: '2027-01-31' } });
    expect((await listSavedViews(as(user), { list: 'invoices' })).map((v) => v.name)).toEqual(['Due this month', 'Overdue in EUR']);

    const renamed = await renameSavedView(as(user), renameSavedViewInput.parse({ id: view.id, name: 'Late euros' }));
    expect(renamed).toMatchObject({ id: view.id, name: 'Late euros', query: view.query });
    await deleteSavedView(as(user), { id: second.id });
    expect((await listSavedViews(as(user), { list: 'invoices' })).map((v) => v.name)).toEqual(['Late euros']);

    expect((await auditOf(view.id)).map((e) => e.action)).toEqual(['saved_view.created', 'saved_view.renamed']);
    expect((await auditOf(view.id))[1]).toMatchObject({ before: { name: 'Overdue in EUR' }, after: { name: 'Late euros' } });
    expect(await auditOf(second.id)).toMatchObject([{ action: 'saved_view.created' }, { action: 'saved_view.deleted', before: { name: 'Due this month' } }]);
  });

  it('keeps each person’s views to themselves: another person neither lists, renames nor deletes them', async () => {
    const mine = await create(admin, { name: 'Mine', query: { status: 'paid' } });
    const theirs = await create(staff, { name: 'Mine', query: { status: 'draft' } });
    expect((await listSavedViews(as(admin), { list: 'invoices' })).map((v) => v.id)).toEqual([mine.id]);
    expect((await listSavedViews(as(staff), { list: 'invoices' })).map((v) => v.id)).toEqual([theirs.id]);
    expect(await listSavedViews(as(reseller), { list: 'invoices' })).toEqual([]);

    for (const actor of [staff, reseller]) {
      expect(await refusal(deleteSavedView(as(actor), { id: mine.id }))).toMatchObject({ code: 'not_found', message: 'Saved view not found' });
      expect(await refusal(renameSavedView(as(actor), { id: mine.id, name: 'Taken over' }))).toMatchObject({ code: 'not_found' });
    }
    const [row] = await db().select().from(savedViews).where(eq(savedViews.id, mine.id));
    expect(row).toMatchObject({ name: 'Mine', userId: admin.id });
    expect((await auditOf(mine.id)).map((e) => e.action)).toEqual(['saved_view.created']);
  });

  it('refuses a second view of the same name on the list (whatever its case) as a field error', async () => {
    const user = (await givenUser(db(), 'staff')).actor;
    await create(user, { name: 'Overdue', query: { status: 'overdue' } });
    const other = await create(user, { name: 'Paid', query: { status: 'paid' } });
    expect(await refusal(create(user, { name: 'OVERDUE', query: {} }))).toMatchObject({
      code: 'validation',
      fields: { name: 'you already have a view with this name on this list' },
    });
    expect(await refusal(renameSavedView(as(user), { id: other.id, name: 'overdue' }))).toMatchObject({
      code: 'validation',
      fields: { name: expect.any(String) },
    });
    // Renaming a view to its own name in another case is no clash with itself.
    expect(await renameSavedView(as(user), { id: other.id, name: 'PAID' })).toMatchObject({ name: 'PAID' });
    expect((await listSavedViews(as(user), { list: 'invoices' })).map((v) => v.name)).toEqual(['Overdue', 'PAID']);
  });

  it('refuses a query the invoice list would refuse, with a field error per filter, and saves nothing', async () => {
    const user = (await givenUser(db(), 'staff')).actor;
    const error = await refusal(create(user, { name: 'Broken', query: { status: 'lost', from: '2027-13-40', min: '1.234', cursor: 'abc', colour: 'red' } }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'validation' });
    expect(Object.keys(error.fields!).sort()).toEqual(['query.colour', 'query.cursor', 'query.from', 'query.min', 'query.status']);
    expect(error.fields!['query.min']).toBe('must be an amount with at most 2 decimals');
    expect(error.fields!['query.cursor']).toBe('is not a filter of this list');
    expect(await listSavedViews(as(user), { list: 'invoices' })).toEqual([]);
    expect(await db().select().from(savedViews).where(eq(savedViews.userId, user.id!))).toEqual([]);
  });

  it(`keeps at most ${savedViewLimit} views on a list`, async () => {
    const user = (await givenUser(db(), 'staff')).actor;
    await db()
      .insert(savedViews)
      .values(Array.from({ length: savedViewLimit }, (_, i) => ({ userId: user.id!, list: 'invoices', name: `View ${i}`, query: {} })));
    expect(await refusal(create(user, { name: 'One too many', query: {} }))).toMatchObject({ code: 'conflict' });
    expect(await listSavedViews(as(user), { list: 'invoices' })).toHaveLength(savedViewLimit);
  });

  it('answers through tRPC with the fields the dialog shows, and only to the signed-in person', async () => {
    const caller = createCaller({ db: db(), actor: staff, origin: 'http://localhost' });
    const made = await caller.savedViews.create({ list: 'invoices', name: 'Via tRPC', query: { status: 'pending' } });
    await expect(caller.savedViews.create({ list: 'invoices', name: 'via trpc', query: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(caller.savedViews.create({ list: 'payments' as 'invoices', name: 'Payments', query: {} })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createCaller({ db: db(), actor: admin, origin: 'http://localhost' }).savedViews.delete({ id: made.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await caller.savedViews.delete({ id: made.id });
  });
});

describe('saved views of the order and customer lists', () => {
  it('checks each list’s query by that list’s own filters', async () => {
    const user = (await givenUser(db(), 'staff')).actor;
    const save = (list: 'orders' | 'customers', name: string, query: Record<string, string>) =>
      createSavedView(as(user), createSavedViewInput.parse({ list, name, query }));
    await save('orders', 'Active in January', { status: 'active', from: '2027-01-01', to: '2027-01-31' });
    await save('customers', 'Acme people', { q: 'acme' });
    // The same name on another list is another view.
    await save('customers', 'Active in January', {});
    expect(await refusal(save('orders', 'Broken', { status: 'lost', product_id: 'nope', q: 'acme' }))).toMatchObject({
      code: 'validation',
      fields: { 'query.status': expect.any(String), 'query.product_id': 'must be an id', 'query.q': 'is not a filter of this list' },
    });
    expect(await refusal(save('customers', 'Broken', { q: 'x'.repeat(201) }))).toMatchObject({ fields: { 'query.q': expect.any(String) } });
    expect((await listSavedViews(as(user), { list: 'orders' })).map((v) => v.query)).toEqual([{ status: 'active', from: '2027-01-01', to: '2027-01-31' }]);
    expect((await listSavedViews(as(user), { list: 'customers' })).map((v) => v.name)).toEqual(['Acme people', 'Active in January']);
  });
});
