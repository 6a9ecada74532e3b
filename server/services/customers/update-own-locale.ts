import { eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import type { Locale } from '@/i18n/locales';
import { notFound } from '@/server/errors';
import type { UpdateOwnLocaleInput } from '@/server/schemas/profile';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';

/**
 * A client picks the language of their pages, invoices and e-mails (the language switcher). It is
 * kept on their customer account, so it follows them to every browser and reaches documents the
 * desk sends; the same choice made again writes nothing.
 */
export async function updateOwnLocale(ctx: ServiceContext, input: UpdateOwnLocaleInput): Promise<{ locale: Locale }> {
  const { scope } = ctx.actor;
  if (scope.kind !== 'customer') throw notFound('Customer account');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select({ locale: customers.locale }).from(customers).where(eq(customers.id, scope.customerId)).for('update');
    if (!before) throw notFound('Customer account');
    if (before.locale === input.locale) return { locale: input.locale };
    await tx.update(customers).set({ locale: input.locale, updatedAt: ctx.now }).where(eq(customers.id, scope.customerId));
    await audit(tx, ctx.actor, 'customer.locale_updated', { type: 'customer', id: scope.customerId }, { before, after: { locale: input.locale } });
    return { locale: input.locale };
  });
}
