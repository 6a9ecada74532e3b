import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { api } from '@/server/api/server-caller';
import type { Permission } from '@/server/auth/permissions';
import type { NavItem } from '../_components/console/nav';
import { SearchPalette } from '../_components/console/search-palette';
import { ConsoleShell } from '../_components/console/shell';
import { MoneyProvider } from '../_components/money';
import { requireArea } from '../_lib/guard';
import { displaySettings } from '../_lib/money';

// Each page with the permission it needs to open; admin-only pages need settings.manage.
const pages: Array<NavItem & { needs?: Permission }> = [
  { href: '/admin', label: 'Dashboard', icon: 'dashboard' },
  { href: '/admin/orders', label: 'Orders', icon: 'orders', needs: 'orders.view' },
  { href: '/admin/invoices', label: 'Invoices', icon: 'invoices', needs: 'invoices.view' },
  { href: '/admin/payments', label: 'Payments', icon: 'payments', needs: 'invoices.view' },
  { href: '/admin/services', label: 'Services', icon: 'services', needs: 'orders.view' },
  { href: '/admin/transactions', label: 'Transactions', icon: 'credit', needs: 'reports.view' },
  { href: '/admin/customers', label: 'Customers', icon: 'customers', needs: 'customers.view' },
  { href: '/admin/prepaid-cards', label: 'Prepaid cards', icon: 'cards', needs: 'vouchers.manage' },
  { href: '/admin/catalog', label: 'Catalog', icon: 'catalog', needs: 'catalog.view' },
  // The phone-sized cash collection page (its own area, where collectors work).
  { href: '/collect', label: 'Collect', icon: 'collect', needs: 'payments.collect' },
  { href: '/admin/resellers', label: 'Resellers', icon: 'resellers', needs: 'settings.manage' },
  { href: '/admin/staff', label: 'Staff', icon: 'staff', needs: 'settings.manage' },
  { href: '/admin/jobs', label: 'Jobs', icon: 'jobs', needs: 'settings.manage' },
  { href: '/admin/audit', label: 'Audit log', icon: 'audit', needs: 'settings.manage' },
  { href: '/admin/email-templates', label: 'Email templates', icon: 'templates', needs: 'settings.manage' },
  { href: '/admin/outbox', label: 'Outbox', icon: 'outbox', needs: 'settings.manage' },
  { href: '/admin/webhooks', label: 'Webhooks', icon: 'webhooks', needs: 'settings.manage' },
  { href: '/admin/settings', label: 'Settings', icon: 'settings', needs: 'settings.manage' },
  // Last, under their own heading: the reports, the commissions report among them.
  { href: '/admin/reports', label: 'All reports', icon: 'reports', needs: 'reports.view', section: 'Reports' },
  { href: '/admin/reports/revenue', label: 'Revenue', icon: 'revenue', needs: 'reports.view', section: 'Reports' },
  { href: '/admin/reports/mrr', label: 'MRR', icon: 'mrr', needs: 'reports.view', section: 'Reports' },
  { href: '/admin/reports/aging', label: 'Receivables aging', icon: 'aging', needs: 'reports.view', section: 'Reports' },
  { href: '/admin/reports/tax', label: 'Tax', icon: 'tax', needs: 'reports.view', section: 'Reports' },
  { href: '/admin/reports/resellers', label: 'Reseller performance', icon: 'resellers', needs: 'reports.view', section: 'Reports' },
  { href: '/admin/reports/commissions', label: 'Commissions', icon: 'commissions', needs: 'reports.view', section: 'Reports' },
];

// `npm start` listens on 127.0.0.1 only while demo passwords are in use, unless HOSTNAME says where.
const demoBanner = () =>
  process.env.HOSTNAME
    ? `Demo passwords are in use and this server listens on ${process.env.HOSTNAME}; change them under Account`
    : 'Demo passwords are in use; this server listens on 127.0.0.1 only';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('admin');
  const trpc = await api();
  const [{ permissions }, gate, display] = await Promise.all([trpc.me(), trpc.account.gate(), displaySettings()]);
  // Settings → Security requires two-factor sign-in: nothing else opens until it is set up.
  if (gate.enrolTwoFactor) redirect('/account/two-factor');
  return (
    <MoneyProvider decimals={display.decimals} locale={display.locale}>
      <ConsoleShell
        user={user}
        search={<SearchPalette basePath="/admin" />}
        area="Admin console"
        banner={gate.demoPasswords ? demoBanner() : undefined}
        // Only what this person may open: a link to a page that answers 404 helps no one.
        nav={pages.filter((page) => !page.needs || permissions.includes(page.needs)).map(({ needs: _needs, ...item }) => item)}
      >
        {children}
      </ConsoleShell>
    </MoneyProvider>
  );
}
