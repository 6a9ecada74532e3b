import Link from 'next/link';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { changePlanPermission } from '@/server/auth/permissions';
import { formatUnitPrice } from '@/server/billing/currency';
import { MILLI, parseMilli } from '@/server/billing/decimal';
import { replaceableByProforma } from '@/server/billing/invoice-status';
import {
  awaitsProvisioning,
  canActivateOrder,
  canChangeSeats,
  canDeactivateOrder,
  canEditContract,
  documentCarrying,
  orderActions,
} from '@/server/billing/order-status';
import { paymentMethodLabel, statusLabel } from '@/server/labels';
import type { NextInvoicePreview } from '@/server/services/orders/next-invoice';
import { humanize } from '../../_lib/format';
import { consoleFormats } from '../../_lib/money';
import { RetryJob } from '../../admin/jobs/retry-job';
import { ChangeSeats } from '../../admin/orders/[id]/actions/change-seats-dialog';
import { MarkProvisioned, OrderActions } from '../../admin/orders/[id]/order-actions';
import { Card, PageHeader } from '../ui/card';
import { CopyButton } from '../ui/copy-button';
import { DataTable } from '../ui/data-table';
import { Facts } from '../ui/facts';
import { StatusPill } from '../ui/status-pill';
import { WalletCard } from '../wallet-card';
import { AuditLog } from './audit-log';
import type { ConsoleBase } from './base-path';
import { Notes } from './notes';
import { NextInvoiceText, OrderInvoices } from './order-invoices';
import { RefreshWhilePending } from './refresh-while-pending';

/**
 * An order's page in either console: lines, customer, services, documents, notes, history and
 * jobs; its actions only for those with orders.edit. Reads go through the scoped services, so
 * another reseller's order is a 404.
 */
export async function OrderView({ id, basePath }: { id: string; basePath: ConsoleBase }) {
  const formats = await consoleFormats();
  const trpc = await api();
  const order = await trpc.orders.byId({ id }).catch(() => notFound());
  const me = await trpc.me();
  const [history, customer, documents, notes, next] = await Promise.all([
    trpc.orders.history({ id }),
    trpc.customers.byId({ id: order.customerId }),
    // A reseller may lack invoices.view: then the order lists no documents.
    me.permissions.includes('invoices.view') ? trpc.invoices.list({ order_id: id, limit: documentLimit, date_field: 'issue', format: 'json' }) : { items: [] },
    trpc.notes.list({ scope: 'order', id }),
    order.contract ? trpc.orders.nextInvoice({ id }) : null,
  ]);
  const format = formats.money;
  const money = (amount: bigint) => format(amount, order.currency);
  const original = documents.items.find((d) => d.id === order.invoiceId);
  // A first invoice consolidated, or replaced by a proforma, is paid through the document that took it over.
  const first = documentCarrying(original, documents.items);
  const facts = { status: order.status, lineCount: order.lines.length };
  // Edit price follows the first invoice itself; a payment goes to the document that carries it now.
  const rules = { ...orderActions(facts, original ?? null), pay: orderActions(facts, first ?? null).pay };
  // A contract goes live through Activate, not by the store's draft → pending.
  const actions = order.contract ? { ...rules, changeStatus: rules.changeStatus.filter((s) => s !== 'pending') } : rules;
  const canEdit = me.permissions.includes('orders.edit');
  const canSeeProducts = me.permissions.includes('catalog.manage');
  // Who may change a plan may change seats (a reseller with invoices.edit, in its book).
  const canChangeSeatsHere = me.permissions.includes(changePlanPermission(me.role));
  // Paid (or approved) and waiting for its services to be set up.
  const awaitingProvisioning = canEdit && order.status === 'pending' && !order.awaitingApproval && first?.status === 'paid';
  // Paid or approved, and its activate-order job has not finished yet: the page follows it.
  const activating =
    order.status === 'pending' &&
    !order.awaitingApproval &&
    (first?.status === 'paid' || order.approvedAt !== null) &&
    !history.jobs.some((j) => j.function === 'activate-order' && (j.status === 'completed' || j.status === 'failed'));

  return (
    <>
      {activating ? <RefreshWhilePending /> : null}
      <PageHeader title={`Order ${order.number}`} description={order.name}>
        <StatusPill status={order.status} className="text-sm" />
        {order.awaitingApproval ? (
          <span className="rounded-full bg-amber-500/15 px-2 py-0.5 text-xs text-amber-700 dark:text-amber-300">Awaiting approval</span>
        ) : null}
      </PageHeader>

      {canEdit ? (
        <OrderActions
          order={{
            id: order.id,
            status: order.status,
            awaitingApproval: order.awaitingApproval,
            paymentMethod: order.paymentMethod,
            currency: order.currency,
            lines: order.lines.map((l) => ({ id: l.id, description: l.description, unitPrice: l.unitPrice, quantity: l.quantity })),
            labels: order.labels,
            contract:
              order.contract && basePath === '/admin'
                ? {
                    billingDay: order.billingDay,
                    startDate: order.startDate,
                    activate: canActivateOrder(order),
                    deactivate: canDeactivateOrder(order),
                    edit: canEditContract(order),
                  }
                : null,
          }}
          allowed={actions}
          payHref={first && actions.pay ? `${basePath}/invoices/${first.id}` : null}
          firstInvoicePaid={original ? original.amountPaid > 0n : false}
          proformaReplaces={original && replaceableByProforma(original) ? original.number : null}
          documents={me.permissions.includes('invoices.create') ? basePath : null}
        />
      ) : order.labels.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Labels">
          {order.labels.map((l) => (
            <li key={l} className="rounded-full bg-accent/10 px-2.5 py-0.5 text-xs font-medium text-accent">
              {l}
            </li>
          ))}
        </ul>
      ) : null}

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        {order.contract ? (
          <ContractCard order={order} money={money} next={next} />
        ) : (
          <Card className="p-5 lg:col-span-2">
            <h2 className="mb-3 font-semibold">Purchase</h2>
            <Facts
              className="mb-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4"
              valueClassName="font-medium capitalize"
              items={[
                ['Placed', formats.moment(order.createdAt)],
                ['Type', order.services.length > 0 ? 'Recurring' : 'One-time'],
                ['Payment', first ? statusLabel(first.status) : '—'],
                ['Method', order.paymentMethod ? paymentMethodLabel(order.paymentMethod) : 'Not chosen'],
                ['Billing day', String(order.billingDay)],
              ]}
            />
            <DataTable
              label="Order lines"
              variant="inset"
              columns={[
                { label: 'Product' },
                { label: 'Cycle' },
                { label: 'Qty', align: 'right' },
                { label: 'Price', align: 'right' },
                { label: 'Setup', align: 'right' },
              ]}
            >
              {order.lines.map((line) => (
                <tr key={line.id}>
                  <td className="py-2">
                    {canSeeProducts ? (
                      <Link href={`/admin/catalog/${line.productId}`} className="text-accent hover:underline" title="Go to product">
                        {line.description}
                      </Link>
                    ) : (
                      line.description
                    )}
                    {line.options.length > 0 ? <div className="text-xs text-fg-muted">{line.options.map((o) => o.name).join(' · ')}</div> : null}
                  </td>
                  <td className="py-2 capitalize">{humanize(line.cycle)}</td>
                  <td className="py-2 text-right tabular-nums">{Number(line.quantity)}</td>
                  <td className="py-2 text-right tabular-nums">{money(line.unitPrice)}</td>
                  <td className="py-2 text-right tabular-nums">{money(line.setupFee)}</td>
                </tr>
              ))}
            </DataTable>
            <div className="mt-3 flex justify-end gap-6 text-sm">
              <span className="text-fg-muted">Total billed for the first period</span>
              <span className="font-semibold tabular-nums" data-testid="order-total">
                {money(order.total)}
              </span>
            </div>
            <details className="mt-4 text-sm">
              <summary className="cursor-pointer text-fg-muted hover:text-fg">More details</summary>
              <Facts
                className="mt-2 grid grid-cols-2 gap-x-6 gap-y-2 sm:grid-cols-3"
                valueClassName="break-all"
                items={[
                  ['Order ID', order.id],
                  ['Starts', formats.day(order.startDate)],
                  ['Ends', order.endDate ? formats.day(order.endDate) : 'Open-ended'],
                  ['Payment due', `${order.dueDays} days after issue`],
                  ['Invoice e-mails', humanize(order.autoEmail)],
                  ['Last change', formats.moment(order.updatedAt)],
                ]}
              />
            </details>
          </Card>
        )}

        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Customer</h2>
          <div className="text-sm">
            <div className="flex items-center gap-1">
              <Link href={`${basePath}/customers/${customer.id}`} className="font-medium text-accent hover:underline">
                {customer.name}
              </Link>
              <CopyButton text={customer.name} label="Copy name" />
            </div>
            <div className="flex items-center gap-1 text-fg-muted">
              <span className="min-w-0 truncate">{customer.email}</span>
              <CopyButton text={customer.email} label="Copy e-mail" />
            </div>
            {customer.company ? <div className="text-fg-muted">{customer.company}</div> : null}
          </div>
        </Card>
      </div>

      <Card className="mt-6 p-5">
        <h2 className="mb-3 font-semibold">Services</h2>
        <DataTable
          label="Services"
          variant="inset"
          columns={[
            { label: 'Service' },
            { label: 'Status' },
            { label: 'Paid period' },
            { label: 'Next due' },
            { label: 'Seats', align: 'right' },
            { label: 'Price', align: 'right' },
          ]}
          empty={order.services.length > 0 ? undefined : order.contract ? 'No services until the order is activated.' : 'One-time purchase: no services.'}
        >
          {order.services.map((s) => (
            <tr key={s.id}>
              <td className="py-2">
                {s.name} <span className="text-fg-muted capitalize">· {s.cycle}</span>
              </td>
              <td className="py-2">
                <StatusPill status={s.status} />
                {awaitingProvisioning && awaitsProvisioning(s) ? <MarkProvisioned serviceId={s.id} /> : null}
              </td>
              <td className="py-2">
                {formats.day(s.periodStart)} – {formats.day(s.periodEnd)}
              </td>
              <td className="py-2">{formats.day(s.nextDueDate)}</td>
              <td className="py-2 text-right tabular-nums">
                {s.quantity}
                {canChangeSeatsHere && canChangeSeats(order, s) ? (
                  <ChangeSeats service={{ id: s.id, name: s.name, quantity: s.quantity, currency: s.currency }} />
                ) : null}
              </td>
              <td className="py-2 text-right tabular-nums">{money(s.price)}</td>
            </tr>
          ))}
        </DataTable>
      </Card>

      {me.permissions.includes('invoices.view') ? (
        <Card className="mt-6 p-5" aria-label="Invoices">
          <h2 className="mb-3 font-semibold">Invoices</h2>
          <OrderInvoices invoices={documents.items} basePath={basePath} money={format} limit={documentLimit} />
        </Card>
      ) : null}

      {/* A contract's included credits land in the customer's wallet; it shows itself only when there is one. */}
      {order.contract ? (
        <div className="mt-6">
          <WalletCard customerId={order.customerId} invoiceBase={`${basePath}/invoices`} />
        </div>
      ) : null}

      <div className="mt-6">
        <Notes subject={{ scope: 'order', id: order.id }} own={notes.own} customer={notes.customer} canEdit={canEdit} />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <AuditLog entries={history.audit} entity="order" />
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Jobs</h2>
          {history.jobs.length === 0 ? (
            <p className="text-sm text-fg-muted">No workflow has run for this order yet.</p>
          ) : (
            <ul className="divide-y divide-border text-sm">
              {history.jobs.map((job) => (
                <li key={job.id} className="py-2">
                  <div className="flex items-center justify-between gap-2">
                    <span>
                      {job.function} <span className="text-fg-muted">· {formats.moment(job.createdAt)}</span>
                    </span>
                    <span>
                      <StatusPill status={job.status} />
                      {job.status === 'failed' && me.permissions.includes('settings.manage') ? <RetryJob id={job.id} /> : null}
                    </span>
                  </div>
                  {job.error ? <p className="mt-1 text-xs text-danger">{job.error}</p> : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

const documentLimit = 50;

const emailModeLabels: Record<string, string> = { off: 'Off', invoice: 'Invoice', invoice_and_link: 'Invoice + payment link' };

type ContractOrder = Awaited<ReturnType<Awaited<ReturnType<typeof api>>['orders']['byId']>>;

/**
 * A contract order's terms: its status, when the billing run invoices it (billing day, due days,
 * start and end), where its invoice e-mails go and how, and its lines with seats and unit prices.
 */
async function ContractCard({ order, money, next }: { order: ContractOrder; money: (amount: bigint) => string; next: NextInvoicePreview | null }) {
  const formats = await consoleFormats();
  // Seats are whole (integers ≥ 1), so seats × unit price is exact.
  const perPeriod = order.lines.map((l) => {
    const seats = (parseMilli(l.quantity) ?? MILLI) / MILLI;
    return { ...l, seats: seats.toString(), amount: l.unitPrice * seats };
  });
  return (
    <Card className="p-5 lg:col-span-2" aria-label="Contract">
      <h2 className="mb-3 font-semibold">Contract</h2>
      <Facts
        className="mb-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-4"
        valueClassName="font-medium break-words"
        items={[
          [
            'Status',
            <span key="status" data-testid="contract-status">
              <StatusPill status={order.status} />
            </span>,
          ],
          ['Billing day', `Day ${order.billingDay} of the month`],
          ['Payment due', `${order.dueDays} days after the invoice date`],
          ['Starts', formats.day(order.startDate)],
          ['Ends', order.endDate ? formats.day(order.endDate) : 'No end date'],
          ['Invoice e-mail', emailModeLabels[order.autoEmail] ?? humanize(order.autoEmail)],
          ['Invoice e-mails go to', order.contact?.email ?? 'The customer’s e-mail'],
          ['Placed', formats.moment(order.createdAt)],
          ...(next ? [['Next invoice', <NextInvoiceText key="next" next={next} money={money} />] as const] : []),
        ]}
      />
      <DataTable
        label="Order lines"
        variant="inset"
        columns={[
          { label: 'Product' },
          { label: 'Cycle' },
          { label: 'Seats', align: 'right' },
          { label: 'Unit price', align: 'right' },
          { label: 'Per period', align: 'right' },
        ]}
      >
        {perPeriod.map((line) => (
          <tr key={line.id}>
            <td className="py-2">{line.description}</td>
            <td className="py-2 capitalize">{humanize(line.cycle)}</td>
            {/* A usage line has no seats: it is billed per unit used, after each period. */}
            <td className="py-2 text-right tabular-nums">{line.usageUnitPrice === null ? line.seats : '—'}</td>
            <td className="py-2 text-right tabular-nums">
              {line.usageUnitPrice === null ? money(line.unitPrice) : `${formatUnitPrice(line.usageUnitPrice, order.currency)} ${order.currency} per unit`}
            </td>
            <td className="py-2 text-right tabular-nums">{line.usageUnitPrice === null ? money(line.amount) : 'Usage, billed in arrears'}</td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-3 text-sm text-fg-muted">
        {order.status === 'draft'
          ? 'A draft bills nothing: activate it to start billing.'
          : order.status === 'paused'
            ? 'Paused: periods starting while paused are not billed.'
            : order.status === 'completed'
              ? 'Completed: every period up to the end date is billed.'
              : `The billing run invoices it on day ${order.billingDay}, due ${order.dueDays} days later.`}
      </p>
    </Card>
  );
}
