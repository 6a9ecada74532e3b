import { getLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { NavItem } from '../_components/console/nav';
import { ConsoleShell } from '../_components/console/shell';
import { MoneyProvider } from '../_components/money';
import { requireArea } from '../_lib/guard';
import { displayDecimals } from '../_lib/money';

const nav: NavItem[] = [
  { href: '/client', label: 'Overview', icon: 'dashboard' },
  { href: '/client/invoices', label: 'Invoices', icon: 'invoices' },
  { href: '/client/services', label: 'Services', icon: 'services' },
  { href: '/client/orders', label: 'Orders', icon: 'orders' },
  { href: '/client/credit', label: 'Credit', icon: 'credit' },
  { href: '/client/profile', label: 'Profile', icon: 'account' },
  { href: '/store', label: 'Store', icon: 'store' },
];

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('client');
  return (
    <ConsoleShell user={user} area="Client portal" nav={nav}>
      <MoneyProvider decimals={await displayDecimals()} locale={await getLocale()}>
        {children}
      </MoneyProvider>
    </ConsoleShell>
  );
}
