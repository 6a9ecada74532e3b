import Link from 'next/link';
import { ThemeToggle } from '@/app/_components/console/theme-toggle';
import { buttonClass } from '@/app/_components/ui/button';
import type { SessionUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';
import { AccountLink } from './account-link';
import { CartLink } from './cart-link';

/** The public header of /store and /checkout: brand, store, cart, and the way in or home. */
export function ShopHeader({ user }: { user: SessionUser | null }) {
  return (
    <header className="border-b border-border bg-surface">
      <div className="mx-auto flex h-14 w-full max-w-6xl items-center gap-2 px-4 sm:px-6">
        <Link href="/store" className="mr-auto flex items-center gap-2 font-semibold">
          <span className="flex size-8 items-center justify-center rounded-md bg-accent font-bold text-accent-fg" aria-hidden>
            C
          </span>
          {/* A phone keeps the mark and gives its width to the cart and account links. */}
          <span className="sr-only sm:not-sr-only">Cashdesk</span>
        </Link>
        <nav aria-label="Store" className="flex items-center gap-1">
          <Link href="/store" className={buttonClass('ghost', 'hidden sm:inline-flex')}>
            Store
          </Link>
          <CartLink />
          <AccountLink home={user ? homeOf[user.role] : null} email={user?.email ?? null} />
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}
