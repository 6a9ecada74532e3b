import type { ReactNode } from 'react';
import { ConsoleShell } from '../_components/console/shell';
import { requireArea } from '../_lib/guard';

export default async function ResellerLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('reseller');
  return (
    <ConsoleShell user={user} area="Reseller console" nav={[{ href: '/reseller', label: 'My customers', icon: 'customers' }]}>
      {children}
    </ConsoleShell>
  );
}
