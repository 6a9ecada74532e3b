'use client';

import { ShoppingCart } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { buttonClass } from '@/app/_components/ui/button';
import { useCart } from '../_lib/cart';

/** The header's cart link with the number of lines in it. */
export function CartLink() {
  const { lines } = useCart();
  const pathname = usePathname();
  const t = useTranslations('shop.header');
  return (
    <Link href="/checkout" className={buttonClass('ghost')} aria-current={pathname === '/checkout' ? 'page' : undefined} data-testid="cart-link">
      <ShoppingCart className="size-4" aria-hidden />
      {t('cart')}
      <span
        className="min-w-5 rounded-full bg-accent px-1.5 text-center text-xs font-semibold text-accent-fg tabular-nums"
        aria-label={t('inCart', { count: lines.length })}
      >
        {lines.length}
      </span>
    </Link>
  );
}
