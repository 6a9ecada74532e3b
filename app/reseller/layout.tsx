import type { ReactNode } from 'react';
import { api } from '@/server/api/server-caller';
import type { Permission } from '@/server/auth/permissions';
import type { NavItem } from '../_components/console/nav';
import { SearchPalette } from '../_components/console/search-palette';
import { ConsoleShell } from '../_components/console/shell';
import { MoneyProvider } from '../_components/money';
import { requireArea } from '../_lib/guard';
import { displaySettings } from '../_lib/money';

// The reseller's console: the same pages as the desk's, scoped to its book by the services.
const pages: Array<NavItem & { needs?: Permission }> = [
  { href: '/reseller', label: 'Dashboard', icon: 'dashboard' },
  { href: '/reseller/customers', label: 'Customers', icon: 'customers' },
  { href: '/reseller/invoices', label: 'Invoices', icon: 'invoices', needs: 'invoices.view' },
  { href: '/reseller/orders', label: 'Orders', icon: 'orders', needs: 'orders.view' },
  { href: '/reseller/payments', label: 'Payments', icon: 'payments', needs: 'invoices.view' },
  { href: '/reseller/services', label: 'Services', icon: 'services', needs: 'orders.view' },
  { href: '/reseller/sub-resellers', label: 'Sub-resellers', icon: 'resellers' },
  { href: '/reseller/commissions', label: 'My commissions', icon: 'credit' },
  { href: '/reseller/api-keys', label: 'API keys', icon: 'keys' },
  { href: '/reseller/profile', label: 'Profile', icon: 'account' },
];

export default async function ResellerLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('reseller');
  const [{ permissions }, display] = await Promise.all([(await api()).me(), displaySettings()]);
  return (
    <MoneyProvider decimals={display.decimals} locale={display.locale}>
      <ConsoleShell
        user={user}
        search={<SearchPalette basePath="/reseller" />}
        area="Reseller console"
        nav={pages.filter((page) => !page.needs || permissions.includes(page.needs)).map(({ needs: _needs, ...item }) => item)}
      >
        {children}
      </ConsoleShell>
    </MoneyProvider>
  );
}
