import { and, eq } from 'drizzle-orm';
import { numberCounters, settings } from '@/db/schema';
import { requirePermission } from '@/server/auth/actor';
import { counterYear } from '@/server/billing/numbering';
import { billingSettings, type BillingSettings, type BillingSettingsPatch } from '@/server/schemas/settings';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import { readBillingSettings } from './read';

export async function getBillingSettings(ctx: ServiceContext): Promise<BillingSettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return readBillingSettings(ctx.db);
}

/** Merges a partial change into the billing settings; the result is validated as a whole. */
export async function updateBillingSettings(ctx: ServiceContext, patch: BillingSettingsPatch): Promise<BillingSettings> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const before = await readBillingSettings(tx);
    const after = billingSettings.parse({
      ...before,
      ...patch,
      invoice_number: { ...before.invoice_number, ...patch.invoice_number },
      dunning: { ...before.dunning, ...patch.dunning },
      self_service: { ...before.self_service, ...patch.self_service },
    });
    await tx
      .insert(settings)
      .values({ key: 'billing', value: after, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: ctx.now } });
    await audit(tx, ctx.actor, 'settings.updated', { type: 'settings', id: 'billing' }, { before, after });
    return after;
  });
}

/** The sequence the next invoice of this year will take (for the settings page's preview). */
export async function nextInvoiceSequence(ctx: ServiceContext): Promise<bigint> {
  requirePermission(ctx.actor, 'settings.manage');
  const settings = await readBillingSettings(ctx.db);
  const year = counterYear({ prefix: '', includeYear: true, padding: 1, reset: settings.invoice_number.reset }, ctx.now.getUTCFullYear());
  const [row] = await ctx.db
    .select({ last: numberCounters.last })
    .from(numberCounters)
    .where(and(eq(numberCounters.series, 'invoice'), eq(numberCounters.year, year)));
  return (row?.last ?? 0n) + 1n;
}

/** Replaces one settings block with its audit row (before and after) in one transaction. */
/** Saves a settings block with its audit row; `shown` masks what the audit log must not hold. */
export async function writeSettingsBlock<T>(
  ctx: ServiceContext,
  key: string,
  before: T,
  after: T,
  shown: (value: T) => unknown = (value) => value,
): Promise<T> {
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(settings)
      .values({ key, value: after, updatedAt: ctx.now })
      .onConflictDoUpdate({ target: settings.key, set: { value: after, updatedAt: ctx.now } });
    await audit(tx, ctx.actor, 'settings.updated', { type: 'settings', id: key }, { before: shown(before), after: shown(after) });
  });
  return after;
}
