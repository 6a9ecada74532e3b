import Link from 'next/link';
import { notFound } from 'next/navigation';
import { localeNames } from '@/i18n/locales';
import { api } from '@/server/api/server-caller';
import { changePlanPermission } from '@/server/auth/permissions';
import { isAwaitingPayment } from '@/server/billing/invoice-status';
import { canChangePlan } from '@/server/billing/order-status';
import { consoleFormats, displaySettings } from '../../_lib/money';
import { ChangePlan } from '../../admin/customers/[id]/actions/change-plan-dialog';
import { CustomerActions } from '../../admin/customers/[id]/customer-actions';
import { CustomerAssignee } from '../../admin/customers/[id]/customer-assignee';
import { CustomerTax } from '../../admin/customers/[id]/customer-tax';
import { Card, PageHeader } from '../ui/card';
import { StatusPill } from '../ui/status-pill';
import { WalletCard } from '../wallet-card';
import { AuditLog } from './audit-log';
import type { ConsoleBase } from './base-path';
import { CustomerContacts } from './customer-contacts';
import { InvoiceRows } from './invoice-rows';
import { Notes } from './notes';

/**
 * A customer's page in either console: contact, credit, contacts, services, invoices, orders, notes and
 * history, with Quick pay, Consolidate pending and the credit and plan dialogs for those who may.
 * Every read goes through the scoped services, so another reseller's customer is a 404.
 */
export async function CustomerView({ id, basePath }: { id: string; basePath: ConsoleBase }) {
  const formats = await consoleFormats();
  const trpc = await api();
  const account = await trpc.customers.account({ id }).catch(() => notFound());
  const me = await trpc.me();
  const may = (permission: (typeof me.permissions)[number]) => me.permissions.includes(permission);
  const [invoices, orders, notes, history, contacts] = await Promise.all([
    // A reseller may lack invoices.view: then its customer page simply lists none.
    may('invoices.view') ? trpc.invoices.list({ customer: id, limit: 50, date_field: 'issue', format: 'json' }).then((page) => page.items) : [],
    trpc.orders.list({ customer: id, limit: 50, format: 'json' }),
    trpc.notes.list({ scope: 'customer', id }),
    trpc.customers.history({ id }),
    trpc.customers.contacts({ id }),
  ]);
  const { customer } = account;
  // The desk sees and moves the customer's reseller; a reseller's console shows no other reseller.
  // Cash collectors likewise: the desk assigns customers to their rounds (docs/collectors.md).
  const [resellers, collectors] = basePath === '/admin' ? await Promise.all([trpc.resellers.options(), trpc.customers.collectors()]) : [null, null];
  const format = formats.money;
  const settings = await displaySettings();
  const money = (amount: bigint, currency = customer.currency) => format(amount, currency);
  const owed = invoices.filter((i) => isAwaitingPayment(i.status) && i.currency === customer.currency).reduce((sum, i) => sum + i.balance, 0n);
  const address = customer.billingAddress;
  const canEdit = may('invoices.edit');

  return (
    <>
      <PageHeader title={customer.name} description={[customer.company, customer.email].filter(Boolean).join(' · ')} />
      <CustomerActions
        customer={{ id: customer.id, currency: customer.currency, owed: owed.toString(), credit: customer.creditBalance.toString() }}
        editable={{
          id: customer.id,
          name: customer.name,
          email: customer.email,
          company: customer.company,
          phone: customer.phone,
          taxId: customer.taxId,
          currency: customer.currency,
          locale: customer.locale,
          billingAddress: customer.billingAddress,
        }}
        canEditInvoices={canEdit}
        canCreateInvoices={may('invoices.create')}
        canEditCustomer={may('customers.edit')}
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
              <dt className="text-fg-muted">Language</dt>
              <dd data-testid="customer-language">{customer.locale ? localeNames[customer.locale] : `${localeNames[formats.locale]} (the default)`}</dd>
            </div>
            <CustomerTax
              customer={{ id: customer.id, taxExempt: customer.taxExempt, taxRateOverride: customer.taxRateOverride }}
              settingsRate={settings.taxRate}
              canEdit={may('customers.edit')}
            />
            {resellers ? (
              <CustomerAssignee
                kind="reseller"
                customerId={customer.id}
                assigneeId={customer.resellerId}
                choices={resellers}
                canEdit={may('customers.edit')}
                href={may('settings.manage') && customer.resellerId ? `/admin/resellers/${customer.resellerId}` : undefined}
              />
            ) : null}
            {collectors ? (
              <CustomerAssignee
                kind="collector"
                customerId={customer.id}
                assigneeId={customer.collectorId}
                choices={collectors}
                canEdit={may('customers.edit')}
              />
            ) : null}
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
                  <td className="py-2 text-fg-muted">{formats.day(entry.createdAt)}</td>
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

      <div className="mt-6">
        <CustomerContacts customerId={customer.id} contacts={contacts} canEdit={may('customers.edit')} />
      </div>

      <div className="mt-6 empty:hidden">
        <WalletCard customerId={customer.id} invoiceBase={`${basePath}/invoices`} />
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
                <td className="py-2">Paid through {formats.day(s.periodEnd)}</td>
                <td className="py-2 text-right tabular-nums">{money(s.price, s.currency)}</td>
                <td className="py-2 text-right">
                  {may(changePlanPermission(me.role)) && canChangePlan(s.status) ? (
                    <ChangePlan service={{ id: s.id, name: s.name, currency: s.currency }} />
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
          <InvoiceRows invoices={invoices} basePath={basePath} money={format} label="Customer invoices" />
        </Card>
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Orders</h2>
          <ul className="divide-y divide-border text-sm">
            {orders.items.map((o) => (
              <li key={o.id} className="flex items-center justify-between gap-2 py-2">
                <Link href={`${basePath}/orders/${o.id}`} className="text-accent hover:underline">
                  {o.number} · {o.name}
                </Link>
                <StatusPill status={o.status} />
              </li>
            ))}
          </ul>
        </Card>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Notes subject={{ scope: 'customer', id: customer.id }} own={notes.own} canEdit={may('customers.edit')} />
        <AuditLog entries={history} entity="customer" />
      </div>
    </>
  );
}
