import type { ReactNode } from 'react';
import { ConsoleShell } from '../_components/console/shell';
import { requireArea } from '../_lib/guard';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('client');
  return (
    <ConsoleShell user={user} area="Client portal" nav={[{ href: '/client', label: 'My account', icon: 'account' }]}>
      {children}
    </ConsoleShell>
  );
}
