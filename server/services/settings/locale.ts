import { eq } from 'drizzle-orm';
import { customers } from '@/db/schema';
import { isLocale, type Locale } from '@/i18n/locales';
import type { ServiceContext } from '../context';
import { readBillingSettings } from './read';

/** What decides the language a person reads: their own choice when they are a customer, and the desk's default. */
export type LocalePreferences = { own: Locale | null; fallback: Locale };

export async function localePreferences(ctx: ServiceContext): Promise<LocalePreferences> {
  const settings = await readBillingSettings(ctx.db);
  if (ctx.actor.scope.kind !== 'customer') return { own: null, fallback: settings.default_locale };
  const [row] = await ctx.db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, ctx.actor.scope.customerId));
  return { own: isLocale(row?.locale) ? row.locale : null, fallback: settings.default_locale };
}

/** The desk's default language: of customers who chose none, of admins' mails, of the template editor's first tab. */
export async function deskLocale(ctx: Pick<ServiceContext, 'db'>): Promise<Locale> {
  return (await readBillingSettings(ctx.db)).default_locale;
}

/** The language a customer's documents and messages are written in: theirs, else the desk's default. */
export async function customerLocale(ctx: Pick<ServiceContext, 'db'>, customer: { locale: string | null }): Promise<Locale> {
  return isLocale(customer.locale) ? customer.locale : deskLocale(ctx);
}

/** The same for a customer known by id (the caller has already checked it may see them). */
export async function customerLocaleById(ctx: Pick<ServiceContext, 'db'>, customerId: string): Promise<Locale> {
  const [row] = await ctx.db.select({ locale: customers.locale }).from(customers).where(eq(customers.id, customerId));
  return customerLocale(ctx, { locale: row?.locale ?? null });
}
