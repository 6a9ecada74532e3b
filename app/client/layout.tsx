import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import type { NavItem } from '../_components/console/nav';
import { ConsoleShell } from '../_components/console/shell';
import { MoneyProvider } from '../_components/money';
import { requireArea } from '../_lib/guard';
import { displayDecimals } from '../_lib/money';

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireArea('client');
  const t = await getTranslations('portal');
  const nav: NavItem[] = [
    { href: '/client', label: t('nav.overview'), icon: 'dashboard' },
    { href: '/client/invoices', label: t('nav.invoices'), icon: 'invoices' },
    { href: '/client/services', label: t('nav.services'), icon: 'services' },
    { href: '/client/orders', label: t('nav.orders'), icon: 'orders' },
    { href: '/client/credit', label: t('nav.credit'), icon: 'credit' },
    { href: '/client/profile', label: t('nav.profile'), icon: 'account' },
    { href: '/store', label: t('nav.store'), icon: 'store' },
  ];
  return (
    <ConsoleShell user={user} area={t('shell.area')} nav={nav}>
      <MoneyProvider decimals={await displayDecimals()} locale={await getLocale()}>
        {children}
      </MoneyProvider>
    </ConsoleShell>
  );
}
