import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { savedViews, users } from '@/db/schema';
import type { Actor } from '@/server/auth/actor';
import { AppError, notFound } from '@/server/errors';
import { savedViewLimit, viewLists, type ViewList } from '@/server/schemas/saved-views';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';

export type SavedView = { id: string; list: string; name: string; query: Record<string, string>; createdAt: Date; updatedAt: Date };

const columns = {
  id: savedViews.id,
  list: savedViews.list,
  name: savedViews.name,
  query: savedViews.query,
  createdAt: savedViews.createdAt,
  updatedAt: savedViews.updatedAt,
};

/** Views belong to a signed-in person; a key or the system has none to keep. */
function ownerOf(actor: Actor): string {
  if (actor.type !== 'user' || !actor.id) throw new AppError('forbidden', 'Saved views belong to a signed-in person');
  return actor.id;
}

const nameTaken = () => new AppError('validation', 'The view is not valid; see fields', { name: 'you already have a view with this name on this list' });

/** Another of the person's views on the list already answers to this name (whatever its case). */
async function refuseTakenName(tx: Database, userId: string, list: string, name: string, except?: string) {
  const [taken] = await tx
    .select({ id: savedViews.id })
    .from(savedViews)
    .where(
      and(
        eq(savedViews.userId, userId),
        eq(savedViews.list, list),
        sql`lower(${savedViews.name}) = lower(${name})`,
        except ? ne(savedViews.id, except) : undefined,
      ),
    );
  if (taken) throw nameTaken();
}

/** Two saves of one name at once: the unique index stops the second, which is told as the first would be. */
async function unlessNameRaced<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cause = (error as { cause?: { code?: string; constraint?: string } }).cause ?? (error as { code?: string; constraint?: string });
    if (cause.code === '23505' && cause.constraint === 'saved_views_user_list_name_uq') throw nameTaken();
    throw error;
  }
}

/** The filters the list would refuse, under `query.<filter>`; unknown filters too. */
function queryErrors(list: ViewList, query: Record<string, string>): Record<string, string> {
  const { keys, errors } = viewLists[list];
  const unknown = Object.keys(query).filter((key) => !keys.includes(key));
  const fields = Object.fromEntries(unknown.map((key) => [`query.${key}`, 'is not a filter of this list']));
  for (const [key, message] of Object.entries(errors(query))) fields[`query.${key}`] ??= message;
  return fields;
}

/** The caller's own views of one list, by name as the chips show them. */
export async function listSavedViews(ctx: ServiceContext, input: { list: ViewList }): Promise<SavedView[]> {
  return ctx.db
    .select(columns)
    .from(savedViews)
    .where(and(eq(savedViews.userId, ownerOf(ctx.actor)), eq(savedViews.list, input.list)))
    .orderBy(sql`lower(${savedViews.name})`, asc(savedViews.id));
}

export async function createSavedView(ctx: ServiceContext, input: { list: ViewList; name: string; query: Record<string, string> }): Promise<SavedView> {
  const userId = ownerOf(ctx.actor);
  const refused = queryErrors(input.list, input.query);
  if (Object.keys(refused).length > 0) throw new AppError('validation', 'The list refuses these filters; see fields', refused);
  return unlessNameRaced(() =>
    ctx.db.transaction(async (tx) => {
      // One person's saves in turn (their user row locked), so the limit is counted on a list no one is adding to.
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
      await refuseTakenName(tx, userId, input.list, input.name);
      const [held] = await tx
        .select({ n: count() })
        .from(savedViews)
        .where(and(eq(savedViews.userId, userId), eq(savedViews.list, input.list)));
      if (held!.n >= savedViewLimit) throw new AppError('conflict', `You can keep at most ${savedViewLimit} views on this list; delete one first`);
      const [view] = await tx
        .insert(savedViews)
        .values({ userId, list: input.list, name: input.name, query: input.query, createdAt: ctx.now, updatedAt: ctx.now })
        .returning(columns);
      await audit(
        tx,
        ctx.actor,
        'saved_view.created',
        { type: 'saved_view', id: view!.id },
        { after: { list: view!.list, name: view!.name, query: view!.query } },
      );
      return view!;
    }),
  );
}

/** The caller's view, locked; someone else's is not found, as if it did not exist. */
async function lockOwnView(tx: Database, actor: Actor, viewId: string) {
  const [view] = await tx
    .select(columns)
    .from(savedViews)
    .where(and(eq(savedViews.id, viewId), eq(savedViews.userId, ownerOf(actor))))
    .for('update');
  if (!view) throw notFound('Saved view');
  return view;
}

export async function renameSavedView(ctx: ServiceContext, input: { id: string; name: string }): Promise<SavedView> {
  return unlessNameRaced(() =>
    ctx.db.transaction(async (tx) => {
      const view = await lockOwnView(tx, ctx.actor, input.id);
      await refuseTakenName(tx, ownerOf(ctx.actor), view.list, input.name, view.id);
      const [renamed] = await tx.update(savedViews).set({ name: input.name, updatedAt: ctx.now }).where(eq(savedViews.id, view.id)).returning(columns);
      await audit(tx, ctx.actor, 'saved_view.renamed', { type: 'saved_view', id: view.id }, { before: { name: view.name }, after: { name: input.name } });
      return renamed!;
    }),
  );
}

export async function deleteSavedView(ctx: ServiceContext, input: { id: string }): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const view = await lockOwnView(tx, ctx.actor, input.id);
    await tx.delete(savedViews).where(eq(savedViews.id, view.id));
    await audit(tx, ctx.actor, 'saved_view.deleted', { type: 'saved_view', id: view.id }, { before: { list: view.list, name: view.name, query: view.query } });
  });
}
