'use client';

import {
  BadgePercent,
  Banknote,
  ChartColumn,
  ChartLine,
  HandCoins,
  Handshake,
  History,
  Hourglass,
  Inbox,
  KeyRound,
  Landmark,
  LayoutDashboard,
  LayoutGrid,
  MailPlus,
  Package,
  Receipt,
  Server,
  Settings,
  ShieldCheck,
  ShoppingCart,
  Store,
  TicketCheck,
  UserRound,
  Users,
  Wallet,
  Webhook,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { Fragment } from 'react';
import { cn } from '../ui/cn';

// Icons are named here, not passed from server layouts: components cannot cross that boundary.
const icons = {
  dashboard: LayoutDashboard,
  customers: Users,
  invoices: Receipt,
  orders: ShoppingCart,
  account: UserRound,
  settings: Settings,
  catalog: Package,
  staff: ShieldCheck,
  audit: History,
  outbox: Inbox,
  webhooks: Webhook,
  templates: MailPlus,
  jobs: Workflow,
  services: Server,
  credit: Wallet,
  payments: Banknote,
  store: Store,
  resellers: Handshake,
  keys: KeyRound,
  commissions: BadgePercent,
  reports: LayoutGrid,
  revenue: ChartColumn,
  mrr: ChartLine,
  aging: Hourglass,
  tax: Landmark,
  collect: HandCoins,
  cards: TicketCheck,
} satisfies Record<string, LucideIcon>;

/** `section`: the heading the sidebar shows above the first of consecutive items that share it. */
export type NavItem = { href: string; label: string; icon: keyof typeof icons; section?: string };

/** The sidebar's links; on narrow screens the same links sit in a bar under the header. */
export function Nav({ items, layout = 'sidebar' }: { items: NavItem[]; layout?: 'sidebar' | 'bar' }) {
  const pathname = usePathname();
  // The area's home matches only itself; other items also match their sub-pages, and of items
  // nested in one another (Reports, Reports › Revenue) the deepest that matches is the current one.
  const matches = (href: string) => pathname === href || (href.split('/').length > 2 && pathname.startsWith(`${href}/`));
  const current = items.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label={layout === 'sidebar' ? 'Main' : 'Main (compact)'} className={layout === 'sidebar' ? 'space-y-1' : 'flex gap-1 overflow-x-auto'}>
      {items.map((item, i) => {
        const Icon = icons[item.icon];
        const active = item.href === current;
        const heading = layout === 'sidebar' && item.section && item.section !== items[i - 1]?.section ? item.section : null;
        return (
          <Fragment key={item.href}>
            {heading ? <div className="px-3 pt-4 pb-1 text-xs font-semibold uppercase tracking-wide text-fg-muted">{heading}</div> : null}
            <Link
              href={item.href}
              aria-current={active ? 'page' : undefined}
              className={cn(
                'flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium transition',
                active ? 'bg-accent/10 text-accent' : 'text-fg-muted hover:bg-muted hover:text-fg',
              )}
            >
              <Icon className="size-4" aria-hidden />
              {item.label}
            </Link>
          </Fragment>
        );
      })}
    </nav>
  );
}
