import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../_components/ui/card';
import { requireArea } from '../_lib/guard';
import { moneyFormatter } from '../_lib/money';

export const metadata: Metadata = { title: 'Dashboard' };

const day = (d: string) => new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: 'short', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));

function Tile({ title, href, children, empty }: { title: string; href: string; children: ReactNode; empty?: string | false }) {
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

export default async function AdminDashboard() {
  const user = await requireArea('admin');
  const money = await moneyFormatter();
  const trpc = await api();
  if (!(await trpc.me()).permissions.includes('invoices.view')) {
    return <PageHeader title={`Welcome, ${user.name.split(' ')[0]}`} description="Your account has no billing permissions yet; ask an administrator." />;
  }
  const summary = await trpc.dashboard();
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
      <PageHeader title={`Welcome back, ${user.name.split(' ')[0]}`} description="Your billing desk at a glance." />
      <div className="grid gap-6 md:grid-cols-2">
        <Tile title="Unpaid" href="/admin/invoices?status=pending" empty={summary.unpaid.length === 0 && 'Nothing is owed. Nice.'}>
          {totals(summary.unpaid, 'open')}
        </Tile>
        <Tile title="Overdue" href="/admin/invoices?status=overdue" empty={summary.overdue.length === 0 && 'Nothing is late.'}>
          <div className="text-danger">{totals(summary.overdue, 'overdue')}</div>
        </Tile>
        <Tile title="Due this week" href="/admin/invoices?date_field=due" empty={summary.dueSoon.length === 0 && 'Nothing falls due in the next 7 days.'}>
          <ul className="divide-y divide-border text-sm">
            {summary.dueSoon.map((i) => (
              <li key={i.id} className="flex justify-between gap-2 py-2">
                <Link href={`/admin/invoices/${i.id}`} className="font-medium hover:underline">
                  {i.number} · {i.customer}
                </Link>
                <span className="tabular-nums">
                  {money(i.balance, i.currency)} · {day(i.dueDate)}
                </span>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile title="Recent payments" href="/admin/invoices?status=paid" empty={summary.recent.length === 0 && 'No payment yet.'}>
          <ul className="divide-y divide-border text-sm">
            {summary.recent.map((p) => (
              <li key={p.id} className="flex justify-between gap-2 py-2">
                <Link href={`/admin/invoices/${p.invoiceId}`} className="hover:underline">
                  {p.customer} · {p.number}
                </Link>
                <span className="text-success tabular-nums">+{money(p.amount, p.currency)}</span>
              </li>
            ))}
          </ul>
        </Tile>
        <Tile title="Orders awaiting approval" href="/admin/orders?status=pending" empty={summary.awaiting.length === 0 && 'No order is waiting for you.'}>
          <ul className="divide-y divide-border text-sm">
            {summary.awaiting.map((o) => (
              <li key={o.id} className="flex justify-between gap-2 py-2">
                <Link href={`/admin/orders/${o.id}`} className="font-medium hover:underline">
                  {o.number} · {o.name}
                </Link>
                <span className="text-fg-muted">{o.customer}</span>
              </li>
            ))}
          </ul>
        </Tile>
      </div>
    </>
  );
}
