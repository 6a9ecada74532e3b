import { Check } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { StoreProduct } from '@/server/services/storefront/read';
import { InlineMarkdown } from '../../_components/markdown';
import { cn } from '../../_components/ui/cn';

/** A product's feature bullets, each a line of sanitized markdown. */
export async function FeatureList({ product, className }: { product: StoreProduct; className?: string }) {
  if (product.features.length === 0) return null;
  const t = await getTranslations('shop.store');
  return (
    <ul className={cn('space-y-1.5 text-sm', className)} aria-label={t('features', { product: product.name })}>
      {product.features.map((feature) => (
        <li key={feature} className="flex gap-2">
          <Check className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
          <span className="min-w-0">
            <InlineMarkdown text={feature} />
          </span>
        </li>
      ))}
    </ul>
  );
}
