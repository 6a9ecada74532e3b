import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { ThemeToggle } from '@/app/_components/console/theme-toggle';
import { LanguageSwitcher } from '@/app/_components/language/language-switcher';
import { buttonClass } from '@/app/_components/ui/button';
import type { SessionUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';
import { AccountLink } from './account-link';
import { CartLink } from './cart-link';

/** The public header of /store and /checkout: brand, store, cart, and the way in or home. */
export async function ShopHeader({ user }: { user: SessionUser | null }) {
  const t = await getTranslations('shop.header');
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 sm:px-6">
        <Link href="/store" className="mr-auto flex items-center gap-2 font-semibold">
          <span className="flex size-8 items-center justify-center rounded-md bg-accent font-bold text-accent-fg" aria-hidden>
            C
          </span>
          {/* On a phone the mark alone: the header must fit 390 px with the cart and account. */}
          <span className="max-sm:sr-only">Cashdesk</span>
        </Link>
        <nav aria-label={t('nav')} className="flex items-center gap-1">
          {/* The brand links to the store too, so a phone can spare this one. */}
          <Link href="/store" className={buttonClass('ghost', 'max-sm:hidden')}>
            {t('store')}
          </Link>
          <CartLink />
          <AccountLink home={user ? homeOf[user.role] : null} email={user?.email ?? null} />
        </nav>
        <LanguageSwitcher />
        <ThemeToggle />
      </div>
    </header>
  );
}
