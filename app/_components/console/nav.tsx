'use client';

import {
  BadgePercent,
  Handshake,
  History,
  Inbox,
  KeyRound,
  LayoutDashboard,
  MailPlus,
  Package,
  Receipt,
  Server,
  Settings,
  ShieldCheck,
  ShoppingCart,
  Store,
  UserRound,
  Users,
  Wallet,
  Workflow,
  type LucideIcon,
} from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
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
  templates: MailPlus,
  jobs: Workflow,
  services: Server,
  credit: Wallet,
  store: Store,
  resellers: Handshake,
  keys: KeyRound,
  commissions: BadgePercent,
} satisfies Record<string, LucideIcon>;

export type NavItem = { href: string; label: string; icon: keyof typeof icons };

/** The sidebar's links; on narrow screens the same links sit in a bar under the header. */
export function Nav({ items, layout = 'sidebar' }: { items: NavItem[]; layout?: 'sidebar' | 'bar' }) {
  const pathname = usePathname();
  return (
    <nav aria-label={layout === 'sidebar' ? 'Main' : 'Main (compact)'} className={layout === 'sidebar' ? 'space-y-1' : 'flex gap-1 overflow-x-auto'}>
      {items.map((item) => {
        const Icon = icons[item.icon];
        // The area's home matches only itself; other items also match their sub-pages.
        const active = pathname === item.href || (item.href.split('/').length > 2 && pathname.startsWith(`${item.href}/`));
        return (
          <Link
            key={item.href}
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
        );
      })}
    </nav>
  );
}
