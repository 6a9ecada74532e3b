import Link from 'next/link';
import type { ReactNode } from 'react';
import { dateLocales } from '@/i18n/format';
import type { Locale } from '@/i18n/locales';
import { api } from '@/server/api/server-caller';
import type { SessionUser } from '@/server/auth/next-auth';
import { invoiceSetQuery, paymentSetQuery, recentPaymentDays } from '@/server/billing/dashboard-sets';
import { dashboardKpisQuery } from '@/server/schemas/dashboard';
import { consoleFormats } from '../../_lib/money';
import { Card, PageHeader } from '../ui/card';
import type { ConsoleBase } from './base-path';
import { KpiTiles } from './kpi-tiles';

/** Day and month only, as the tiles have room for, in the console's locale: "07 Dec" in en, "07. Dez." in de. */
function shortDay(locale: Locale): (d: string) => string {
  const format = new Intl.DateTimeFormat(dateLocales[locale], { day: '2-digit', month: 'short', timeZone: 'UTC' });
  return (d) => format.format(new Date(`${d}T00:00:00Z`));
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export function Tile({ title, href, children, empty }: { title: string; href: string; children: ReactNode; empty?: string | false }) {
  return (
    <Card className="flex flex-col p-5">
      <div className="mb-3 flex items-center justify-between">
        <h2 className="font-semibold">{title}</h2>
        <Link href={href} className="text-sm text-accent hover:underline">
          View all →
        </Link>
      </div>
      {empty ? <p className="text-sm text-fg-muted">{empty}</p> : children}
    </Card>
  );
}

/**
 * The console's home for the admin desk and for a reseller: the KPI tiles and the year's revenue
 * (in `currency`, from the URL), then what is owed and late per currency, what falls due, what
 * came in, what waits. The services scope every figure to the signed-in actor (a reseller sees
 * its book); `children` add tiles of the console's own.
 */
export async function Dashboard({
  basePath,
  user,
  description,
  currency,
  children,
}: {
  basePath: ConsoleBase;
  user: SessionUser;
  description: string;
  currency?: string | string[] | undefined;
  children?: ReactNode;
}) {
  const { money, locale } = await consoleFormats();
  const day = shortDay(locale);
  const trpc = await api();
  const firstName = user.name.split(' ')[0];
  if (!(await trpc.me()).permissions.includes('invoices.view')) {
    return (
      <>
        <PageHeader title={`Welcome, ${firstName}`} description="Your account has no billing permissions yet; ask an administrator." />
        {children ? <div className="grid gap-6 md:grid-cols-2">{children}</div> : null}
      </>
    );
  }
  // A currency the URL spells wrong shows the default one rather than an error page.
  const asked = dashboardKpisQuery.safeParse({ currency });
  const [summary, kpis] = await Promise.all([trpc.dashboard(), trpc.dashboardKpis(asked.success ? asked.data : {})]);
  const { sets } = summary;
  const invoicesIn = (set: Parameters<typeof invoiceSetQuery>[0]) => `${basePath}/invoices?${invoiceSetQuery(set)}`;
  const totals = (rows: typeof summary.unpaid, label: string) => (
    <ul className="space-y-1">
      {rows.map((r) => (
        <li key={r.currency} className="flex items-baseline justify-between">
          <span className="text-2xl font-semibold tabular-nums">{money(r.amount, r.currency)}</span>
          <span className="text-sm text-fg-muted">
            {r.count} {label}
          </span>
        </li>
      ))}
    </ul>
  );
  return (
    <>
      <PageHeader title={`Welcome back, ${firstName}`} description={description} />
      <KpiTiles kpis={kpis} money={money} basePath={basePath} />
      <div className="grid gap-6 md:grid-cols-2">
        <Tile title="Unpaid" href={invoicesIn(sets.unpaid)} empty={summary.unpaid.length === 0 && 'Nothing is owed. Nice.'}>
          {totals(summary.unpaid, 'open')}
        </Tile>
        <Tile title="Overdue" href={invoicesIn(sets.overdue)} empty={summary.overdue.length === 0 && 'Nothing is late.'}>
          <div className="text-danger">{totals(summary.overdue, 'overdue')}</div>
        </Tile>
        <Tile title="Due this week" href={invoicesIn(sets.dueSoon)} empty={summary.dueSoon.length === 0 && 'Nothing falls due in the next 7 days.'}>
          <p className="mb-1 text-sm text-fg-muted" data-testid="due-soon-count">
            {plural(summary.dueSoonCount, 'invoice', 'invoices')} due by {day(sets.dueSoon.to)}
          </p>
          <ul className="divide-y divide-border text-sm">
            {summary.dueSoon.map((i) => (
              <li key={i.id} className="flex justify-between gap-2 py-2">
                <span className="min-w-0">
                  <Link href={`${basePath}/invoices/${i.id}`} className="font-medium hover:underline">
                    {i.number}
                  </Link>
                  {' · '}
                  <Link href={`${basePath}/customers/${i.customerId}`} className="hover:underline">
                    {i.customer}
                  </Link>
                </span>
                <span className="tabular-nums">
                  {money(i.balance, i.currency)} · {day(i.dueDate)}
                </span>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile
          title="Recent payments"
          href={`${basePath}/payments?${paymentSetQuery(sets.payments)}`}
          empty={summary.recent.length === 0 && `No payment in the last ${recentPaymentDays} days.`}
        >
          <p className="mb-1 text-sm text-fg-muted" data-testid="payment-count">
            {plural(summary.paymentCount, 'payment', 'payments')} in the last {recentPaymentDays} days
          </p>
          <ul className="divide-y divide-border text-sm">
            {summary.recent.map((p) => (
              <li key={p.id} className="flex justify-between gap-2 py-2">
                <span className="min-w-0">
                  <Link href={`${basePath}/customers/${p.customerId}`} className="hover:underline">
                    {p.customer}
                  </Link>
                  {' · '}
                  <Link href={`${basePath}/invoices/${p.invoiceId}`} className="hover:underline">
                    {p.number}
                  </Link>
                </span>
                <span className="text-success tabular-nums">+{money(p.amount, p.currency)}</span>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile
          title="Orders awaiting approval"
          href={`${basePath}/orders?status=pending`}
          empty={summary.awaiting.length === 0 && 'No order is waiting for you.'}
        >
          <ul className="divide-y divide-border text-sm">
            {summary.awaiting.map((o) => (
              <li key={o.id} className="flex justify-between gap-2 py-2">
                <Link href={`${basePath}/orders/${o.id}`} className="font-medium hover:underline">
                  {o.number} · {o.name}
                </Link>
                <Link href={`${basePath}/customers/${o.customerId}`} className="text-fg-muted hover:underline">
                  {o.customer}
                </Link>
              </li>
            ))}
          </ul>
        </Tile>
        {children}
      </div>
    </>
  );
}
