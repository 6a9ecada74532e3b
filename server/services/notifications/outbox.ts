import { desc, eq } from 'drizzle-orm';
import { emailOutbox } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { notFound } from '@/server/errors';
import type { ServiceContext } from '@/server/services/context';

export type OutboxRow = typeof emailOutbox.$inferSelect;

/** The newest messages of the dev outbox, without their bodies. */
export async function listOutbox(ctx: ServiceContext, input: { limit: number }) {
  requirePermission(ctx.actor, 'settings.manage');
  const rows = await ctx.db
    .select({
      id: emailOutbox.id,
      to: emailOutbox.to,
      subject: emailOutbox.subject,
      template: emailOutbox.template,
      attachments: emailOutbox.attachments,
      invoiceId: emailOutbox.invoiceId,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt), desc(emailOutbox.id))
    .limit(input.limit);
  return rows;
}

export async function getOutboxMessage(ctx: ServiceContext, input: { id: string }): Promise<OutboxRow> {
  requirePermission(ctx.actor, 'settings.manage');
  const [row] = await ctx.db.select().from(emailOutbox).where(eq(emailOutbox.id, input.id));
  if (!row) throw notFound('Message');
  return row;
}
