import type { ReactNode } from 'react';
import { ConsoleShell } from '../_components/console/shell';
import { requireArea } from '../_lib/guard';

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('admin');
  return (
    <ConsoleShell
      user={user}
      area="Admin console"
      nav={[
        { href: '/admin', label: 'Dashboard', icon: 'dashboard' },
        { href: '/admin/orders', label: 'Orders', icon: 'orders' },
        { href: '/admin/invoices', label: 'Invoices', icon: 'invoices' },
        { href: '/admin/customers', label: 'Customers', icon: 'customers' },
        { href: '/admin/catalog', label: 'Catalog', icon: 'catalog' },
        ...(user.role === 'admin'
          ? [
              { href: '/admin/staff', label: 'Staff', icon: 'staff' as const },
              { href: '/admin/audit', label: 'Audit log', icon: 'audit' as const },
              { href: '/admin/settings', label: 'Settings', icon: 'settings' as const },
            ]
          : []),
      ]}
    >
      {children}
    </ConsoleShell>
  );
}
