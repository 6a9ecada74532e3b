import { useTranslations } from 'next-intl';
import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SessionUser } from '@/server/auth/next-auth';
import { Nav, type NavItem } from './nav';
import { SignOutButton } from './sign-out-button';
import { ThemeToggle } from './theme-toggle';

/**
 * The console frame shared by /admin, /reseller and /client: sidebar, top bar, content. Its own
 * words are the page's language: English in the consoles, the customer's in the portal.
 */
export function ConsoleShell({
  user,
  area,
  nav,
  banner,
  search,
  children,
}: {
  user: SessionUser;
  area: string;
  nav: NavItem[];
  /** A warning across the top of every page (demo passwords in use). */
  banner?: ReactNode;
  /** The global search palette's button, first in the top bar (the desk's and resellers' consoles). */
  search?: ReactNode;
  children: ReactNode;
}) {
  const t = useTranslations('common.shell');
  // Printed (a report's Print button), only the page's content shows: no sidebar, top bar or banner.
  return (
    <div className="flex min-h-screen">
      <aside className="hidden w-60 shrink-0 border-r border-border bg-surface p-4 md:block print:hidden">
        <div className="mb-6 flex items-center gap-2 px-2">
          <div className="flex size-8 items-center justify-center rounded-md bg-accent font-bold text-accent-fg">C</div>
          <div>
            <div className="text-sm font-semibold leading-tight">Cashdesk</div>
            <div className="text-xs text-fg-muted">{area}</div>
          </div>
        </div>
        <Nav items={nav} />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        {banner ? (
          <div role="alert" className="bg-danger px-6 py-2 text-center text-sm font-medium text-white print:hidden">
            {banner}
          </div>
        ) : null}
        <header className="flex h-14 items-center justify-end gap-3 border-b border-border bg-surface px-4 sm:px-6 print:hidden">
          {search}
          <ThemeToggle />
          {/* On a phone a long name or e-mail is cut short rather than pushing Sign out off the screen. */}
          <div className="min-w-0 text-right" data-testid="signed-in-user">
            <div className="truncate text-sm leading-tight font-medium">{user.name}</div>
            <div className="truncate text-xs text-fg-muted">
              {user.email} · {t(`role.${user.role}`)}
            </div>
          </div>
          {/* Clients keep their password with their details in the portal's profile. */}
          <Link href={user.role === 'client' ? '/client/profile' : '/account'} className="shrink-0 text-sm text-fg-muted hover:text-fg hover:underline">
            {t('account')}
          </Link>
          <SignOutButton />
        </header>
        <div className="border-b border-border bg-surface px-4 py-2 md:hidden print:hidden">
          <Nav items={nav} layout="bar" />
        </div>
        <main id="content" tabIndex={-1} className="outline-none mx-auto w-full max-w-6xl flex-1 p-4 sm:p-6">
          {children}
        </main>
      </div>
    </div>
  );
}
