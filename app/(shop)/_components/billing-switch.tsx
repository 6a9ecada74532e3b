import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { StoreProduct } from '@/server/services/storefront/read';
import { cn } from '../../_components/ui/cn';

/** The store shows prices paid monthly or yearly (`?billing=yearly`), like hosting order forms do. */
export type Billing = 'monthly' | 'yearly';

export const billingChoice = (value: string | string[] | undefined): Billing => (value === 'yearly' ? 'yearly' : 'monthly');

const cycleOf: Record<Billing, string> = { monthly: 'monthly', yearly: 'annual' };

/** The price a card shows for the chosen billing; a product not sold that way shows its first price. */
export function shownPrice(product: StoreProduct, billing: Billing): StoreProduct['prices'][number] {
  return product.prices.find((p) => p.cycle === cycleOf[billing]) ?? product.prices[0]!;
}

/**
 * Monthly / yearly as two links, so the choice is in the URL (shareable, no script needed) and
 * the page keeps its scroll position. `bestSaving`: the largest yearly saving on the page.
 */
export async function BillingSwitch({ billing, bestSaving, path }: { billing: Billing; bestSaving: number; path: string }) {
  const t = await getTranslations('shop.billing');
  const option = (value: Billing, label: string, note?: string) => (
    <Link
      href={value === 'monthly' ? path : `${path}?billing=yearly`}
      scroll={false}
      aria-current={billing === value ? 'true' : undefined}
      className={cn(
        'flex items-center gap-2 rounded px-3 py-1.5 font-medium whitespace-nowrap transition',
        billing === value ? 'bg-surface text-fg shadow-sm' : 'text-fg-muted hover:text-fg',
      )}
    >
      {label}
      {note ? <span className="rounded-full bg-success/15 px-1.5 py-0.5 text-xs font-medium text-success">{note}</span> : null}
    </Link>
  );
  return (
    <div role="group" aria-label={t('label')} className="inline-flex rounded-md border border-border bg-muted p-0.5 text-sm" data-testid="billing-switch">
      {option('monthly', t('monthly'))}
      {option('yearly', t('yearly'), bestSaving > 0 ? t('saveUpTo', { percent: bestSaving }) : undefined)}
    </div>
  );
}
