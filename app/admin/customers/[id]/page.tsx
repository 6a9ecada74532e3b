import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { isAwaitingPayment } from '@/server/billing/invoice-status';
import { canChangePlan } from '@/server/billing/order-status';
import { AuditLog } from '../../../_components/console/audit-log';
import { Notes } from '../../../_components/console/notes';
import { Card, PageHeader } from '../../../_components/ui/card';
import { StatusPill } from '../../../_components/ui/status-pill';
import { formatDay, humanize } from '../../../_lib/format';
import { recordId, requireArea } from '../../../_lib/guard';
import { moneyFormatter } from '../../../_lib/money';
import { ChangePlan } from './actions/change-plan-dialog';
import { CustomerActions } from './customer-actions';

export const metadata: Metadata = { title: 'Customer' };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  const id = await recordId(params);
  const trpc = await api();
  const account = await trpc.customers.account({ id }).catch(() => notFound());
  const [invoices, orders, products, notes, history, me] = await Promise.all([
    trpc.invoices.list({ customer: id, limit: 50, date_field: 'issue', format: 'json' }),
    trpc.orders.list({ customer: id, limit: 50, format: 'json' }),
    trpc.catalog.products({ limit: 200 }),
    trpc.notes.list({ scope: 'customer', id }),
    trpc.customers.history({ id }),
    trpc.me(),
  ]);
  const { customer } = account;
  const format = await moneyFormatter();
  const money = (amount: bigint, currency = customer.currency) => format(amount, currency);
  const owed = invoices.items.filter((i) => isAwaitingPayment(i.status) && i.currency === customer.currency).reduce((sum, i) => sum + i.balance, 0n);
  const address = customer.billingAddress;
  const canEdit = me.permissions.includes('invoices.edit');

  return (
    <>
      <PageHeader title={customer.name} description={[customer.company, customer.email].filter(Boolean).join(' · ')} />
      <CustomerActions
        customer={{ id: customer.id, currency: customer.currency, owed: owed.toString(), credit: customer.creditBalance.toString() }}
        canEditInvoices={canEdit}
        canEditCustomer={me.permissions.includes('customers.edit')}
      />

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Contact</h2>
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="text-fg-muted">E-mail</dt>
              <dd>{customer.email}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">Phone</dt>
              <dd>{customer.phone ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">Tax ID</dt>
              <dd>{customer.taxId ?? '—'}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">Billing address</dt>
              <dd>
                {address
                  ? [address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, address.country]
                      .filter(Boolean)
                      .join(', ')
                  : '—'}
              </dd>
            </div>
          </dl>
        </Card>
        <Card className="p-5 lg:col-span-2">
          <div className="mb-3 flex items-baseline justify-between">
            <h2 className="font-semibold">Credit balance</h2>
            <span className="text-2xl font-semibold tabular-nums" data-testid="credit-balance">
              {money(customer.creditBalance)}
            </span>
          </div>
          <table className="w-full text-sm" aria-label="Credit ledger">
            <tbody className="divide-y divide-border">
              {account.ledger.map((entry) => (
                <tr key={entry.id}>
                  <td className="py-2 text-fg-muted">{formatDay(entry.createdAt)}</td>
                  <td className="py-2">{entry.reason}</td>
                  <td className="py-2 text-fg-muted">{entry.kind.replaceAll('_', ' ')}</td>
                  <td className={`py-2 text-right tabular-nums ${entry.amount < 0n ? 'text-danger' : 'text-success'}`}>
                    {money(entry.amount, entry.currency)}
                  </td>
                </tr>
              ))}
              {account.ledger.length === 0 ? (
                <tr>
                  <td className="py-3 text-fg-muted">No credit movements.</td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </Card>
      </div>

      <Card className="mt-6 p-5">
        <h2 className="mb-3 font-semibold">Services</h2>
        <table className="w-full text-sm" aria-label="Services">
          <tbody className="divide-y divide-border">
            {account.services.map((s) => (
              <tr key={s.id}>
                <td className="py-2">
                  {s.name} <span className="text-fg-muted capitalize">· {s.cycle}</span>
                </td>
                <td className="py-2">
                  <StatusPill status={s.status} />
                </td>
                <td className="py-2">Paid through {formatDay(s.periodEnd)}</td>
                <td className="py-2 text-right tabular-nums">{money(s.price, s.currency)}</td>
                <td className="py-2 text-right">
                  {me.permissions.includes('orders.edit') && canChangePlan(s.status) ? (
                    <ChangePlan
                      service={{ id: s.id, name: s.name, cycle: s.cycle, currency: s.currency }}
                      products={products.items
                        .filter((p) => p.type === 'recurring')
                        .map((p) => ({ id: p.id, name: p.name, cycles: [...new Set(p.prices.filter((x) => x.currency === s.currency).map((x) => x.cycle))] }))}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
            {account.services.length === 0 ? (
              <tr>
                <td className="py-3 text-fg-muted">No services.</td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </Card>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Invoices</h2>
          <ul className="divide-y divide-border text-sm" aria-label="Customer invoices">
            {invoices.items.map((i) => (
              <li key={i.id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`/admin/invoices/${i.id}`} className="text-accent hover:underline">
                  {i.number ?? 'Draft'} {i.kind !== 'invoice' ? <span className="text-fg-muted">· {humanize(i.kind)}</span> : null}
                </Link>
                <span className="flex items-center gap-2 tabular-nums">
                  {money(i.balance, i.currency)} <StatusPill status={i.status} />
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Orders</h2>
          <ul className="divide-y divide-border text-sm">
            {orders.items.map((o) => (
              <li key={o.id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`/admin/orders/${o.id}`} className="text-accent hover:underline">
                  {o.number} · {o.name}
                </Link>
                <StatusPill status={o.status} />
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Notes subject={{ scope: 'customer', id: customer.id }} own={notes.own} canEdit={me.permissions.includes('customers.edit')} />
        <AuditLog entries={history} entity="customer" />
      </div>
    </>
  );
}
