import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { api } from '@/server/api/server-caller';
import type { NavItem } from '../_components/console/nav';
import { ConsoleShell } from '../_components/console/shell';
import { MoneyProvider } from '../_components/money';
import { requireArea } from '../_lib/guard';
import { displaySettings } from '../_lib/money';

// The collector's whole console (docs/collectors.md); desk people who may collect find their way back.
export default async function CollectLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('collect');
  const nav: NavItem[] = [{ href: '/collect', label: 'Collect', icon: 'collect' }];
  if (user.role !== 'collector') {
    // The desk's own gate holds here too: Settings → Security's two-factor requirement first.
    if ((await (await api()).account.gate()).enrolTwoFactor) redirect('/account/two-factor');
    nav.push({ href: '/admin', label: 'Admin console', icon: 'dashboard' });
  }
  const display = await displaySettings();
  return (
    <ConsoleShell user={user} area="Cash collection" nav={nav}>
      <MoneyProvider decimals={display.decimals} locale={display.locale}>
        {children}
      </MoneyProvider>
    </ConsoleShell>
  );
}
