import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, notes, orders, users } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import type { Permission } from '@/server/auth/permissions';
import { notFound } from '@/server/errors';
import type { NoteSubject } from '@/server/schemas/notes';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { orderScope } from '@/server/services/orders/scope';

export type NoteView = { id: string; scope: 'order' | 'customer'; body: string; author: string | null; createdAt: Date; updatedAt: Date };

const permissionFor = (scope: NoteSubject['scope'], access: 'view' | 'edit'): Permission => (scope === 'order' ? `orders.${access}` : `customers.${access}`);

// Notes are the desk's own words: a client never reads them, whatever its scope allows.
function requireStaff(actor: Actor, scope: NoteSubject['scope'], access: 'view' | 'edit') {
  if (actor.scope.kind === 'customer') throw notFound('Note');
  requirePermission(actor, permissionFor(scope, access));
}

/** The order, or the customer, as the actor's scope sees it; with the customer it belongs to. */
async function findSubject(db: Database, actor: Actor, subject: NoteSubject): Promise<{ customerId: string; orderId: string | null }> {
  if (subject.scope === 'order') {
    const [order] = await db
      .select({ customerId: orders.customerId })
      .from(orders)
      .where(and(eq(orders.id, subject.id), orderScope(actor.scope)));
    if (!order) throw notFound('Order');
    return { customerId: order.customerId, orderId: subject.id };
  }
  const [customer] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, subject.id), customerScope(actor.scope)));
  if (!customer) throw notFound('Customer');
  return { customerId: customer.id, orderId: null };
}

/**
 * A reseller reads and edits only the notes it wrote itself: what the desk writes on a customer
 * is the desk's internal record (dunning calls, disputes, suspicions), not the reseller's.
 */
function authorScope(actor: Actor): SQL | undefined {
  if (actor.scope.kind !== 'reseller') return undefined;
  return eq(notes.authorId, actor.scope.resellerId);
}

async function selectNotes(db: Database, actor: Actor, where: SQL | undefined): Promise<NoteView[]> {
  return db
    .select({ id: notes.id, scope: notes.scope, body: notes.body, author: users.name, createdAt: notes.createdAt, updatedAt: notes.updatedAt })
    .from(notes)
    .leftJoin(users, eq(users.id, notes.authorId))
    .where(and(where, authorScope(actor)))
    .orderBy(desc(notes.createdAt), desc(notes.id));
}

/**
 * An order's notes, and its customer's notes read-only beside them; or a customer's own notes.
 */
export async function listNotes(ctx: ServiceContext, subject: NoteSubject): Promise<{ own: NoteView[]; customer: NoteView[] }> {
  requireStaff(ctx.actor, subject.scope, 'view');
  const found = await findSubject(ctx.db, ctx.actor, subject);
  const customerNotes = () => selectNotes(ctx.db, ctx.actor, and(eq(notes.scope, 'customer'), eq(notes.customerId, found.customerId)));
  if (subject.scope === 'customer') return { own: await customerNotes(), customer: [] };
  const [own, customer] = await Promise.all([selectNotes(ctx.db, ctx.actor, and(eq(notes.scope, 'order'), eq(notes.orderId, subject.id))), customerNotes()]);
  return { own, customer };
}

export async function addNote(ctx: ServiceContext, input: NoteSubject & { body: string }): Promise<NoteView> {
  requireStaff(ctx.actor, input.scope, 'edit');
  return ctx.db.transaction(async (tx) => {
    const found = await findSubject(tx, ctx.actor, input);
    const [note] = await tx
      .insert(notes)
      .values({
        scope: input.scope,
        orderId: found.orderId,
        customerId: found.customerId,
        body: input.body,
        authorId: ctx.actor.type === 'user' ? ctx.actor.id : ctx.actor.scope.kind === 'reseller' ? ctx.actor.scope.resellerId : null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    await audit(tx, ctx.actor, 'note.added', { type: input.scope, id: input.id }, { after: { id: note!.id, body: note!.body } });
    return { id: note!.id, scope: note!.scope, body: note!.body, author: ctx.actor.label, createdAt: note!.createdAt, updatedAt: note!.updatedAt };
  });
}

/** Locks the note after checking its order or customer is the actor's to edit. */
async function lockNote(tx: Database, actor: Actor, noteId: string) {
  const [note] = await tx
    .select()
    .from(notes)
    .where(and(eq(notes.id, noteId), authorScope(actor)))
    .for('update');
  if (!note) throw notFound('Note');
  requireStaff(actor, note.scope, 'edit');
  const subject: NoteSubject = note.scope === 'order' ? { scope: 'order', id: note.orderId! } : { scope: 'customer', id: note.customerId };
  await findSubject(tx, actor, subject).catch(() => {
    throw notFound('Note');
  });
  return { note, subject };
}

export async function editNote(ctx: ServiceContext, input: { noteId: string; body: string }): Promise<NoteView> {
  return ctx.db.transaction(async (tx) => {
    const { note, subject } = await lockNote(tx, ctx.actor, input.noteId);
    await tx.update(notes).set({ body: input.body, updatedAt: ctx.now }).where(eq(notes.id, note.id));
    await audit(
      tx,
      ctx.actor,
      'note.edited',
      { type: subject.scope, id: subject.id },
      { before: { id: note.id, body: note.body }, after: { id: note.id, body: input.body } },
    );
    const [edited] = await selectNotes(tx, ctx.actor, eq(notes.id, note.id));
    return edited!;
  });
}

export async function deleteNote(ctx: ServiceContext, input: { noteId: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { note, subject } = await lockNote(tx, ctx.actor, input.noteId);
    await tx.delete(notes).where(eq(notes.id, note.id));
    await audit(tx, ctx.actor, 'note.deleted', { type: subject.scope, id: subject.id }, { before: { id: note.id, body: note.body } });
  });
}
