import { Lock, ShieldAlert, Trash2, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { api } from '@/server/api/server-caller';
import { trimDecimal } from '@/server/billing/decimal';
import { canRemind } from '@/server/billing/invoice-desk';
import { invoiceActions, isIssued, returnableOf } from '@/server/billing/invoice-status';
import { addressLines, documentHeading, lineAmount, readableDescription, statusLabel, taxBreakdown } from '@/server/documents/model';
import { papers } from '@/server/documents/paper';
import { paymentMethodLabel } from '@/server/labels';
import { channelNames } from '@/server/schemas/invoices';
import { publicInvoicePath } from '@/server/services/invoices/public-link';
import { linePeriod } from '@/server/services/invoices/store';
import { customerRateText } from '../../_lib/customer-tax';
import { documentKindNames, humanize } from '../../_lib/format';
import { consoleFormats, displaySettings } from '../../_lib/money';
import { DocumentActions } from '../../admin/invoices/[id]/document-actions';
import { InternalNotes } from '../../admin/invoices/[id]/internal-notes';
import { InvoiceActions } from '../../admin/invoices/[id]/invoice-actions';
import { Card, PageHeader } from '../ui/card';
import { CopyButton } from '../ui/copy-button';
import { DataTable } from '../ui/data-table';
import { StatusPill } from '../ui/status-pill';
import { AuditLog } from './audit-log';
import type { ConsoleBase } from './base-path';

/**
 * An invoice's page in either console: lines, totals, public link, payments, related documents,
 * history and notification log, with the actions its state allows to those whose permissions
 * allow them (Add payment, Mark as paid, Send… need invoices.edit). Reads go through the scoped
 * services, so another reseller's invoice is a 404.
 */
export async function InvoiceView({ id, basePath }: { id: string; basePath: ConsoleBase }) {
  const formats = await consoleFormats();
  const trpc = await api();
  const invoice = await trpc.invoices.byId({ id }).catch(() => notFound());
  const [history, me, customer, channels, settings, statusTargets] = await Promise.all([
    trpc.invoices.history({ id }),
    trpc.me(),
    trpc.customers.byId({ id: invoice.customerId }),
    trpc.notify.channels(),
    displaySettings(),
    trpc.invoiceDesk.statusTargets({ id }),
  ]);
  const format = formats.money;
  const money = (amount: bigint) => format(amount, invoice.currency);
  const actions = invoiceActions(invoice);
  const publicPath = isIssued(invoice.status) ? publicInvoicePath(invoice.id, invoice.tokenVersion) : null;
  const creditNote = invoice.kind === 'credit_note';
  const corrected = history.related.find((doc) => doc.relation === 'corrects');
  // A numbered document's own addressee; a draft (or one numbered before snapshots) the customer's.
  const addressee = invoice.customerSnapshot ?? {
    name: customer.name,
    company: customer.company,
    email: customer.email,
    taxId: customer.taxId,
    billingAddress: customer.billingAddress,
    placeOfSupply: null,
  };
  const coded = invoice.lines.some((line) => line.code);
  // The documents' convention (PDF, public page, portal): net line amounts, tax per rate below.
  const lines = invoice.lines.map((line) => ({ ...line, taxRate: trimDecimal(line.taxRate), period: linePeriod(line) }));
  const bands = taxBreakdown(lines);

  return (
    <>
      <PageHeader
        title={documentHeading(documentKindNames[invoice.kind], invoice.number)}
        description={
          <>
            <Link href={`${basePath}/customers/${customer.id}`} className="text-accent underline underline-offset-2" data-testid="invoice-customer">
              {customer.name}
            </Link>{' '}
            · {customer.email}
          </>
        }
      >
        <StatusPill status={invoice.status} label={statusLabel(invoice)} className="text-sm" />
        {actions.locked ? (
          <HeaderBadge icon={Lock} title="Correct it with a credit or debit note">
            Locked
          </HeaderBadge>
        ) : null}
        {invoice.deletedAt ? (
          <HeaderBadge icon={Trash2} title="Left out of the invoice lists" danger>
            Deleted
          </HeaderBadge>
        ) : null}
        {invoice.disputedAt ? (
          <HeaderBadge icon={ShieldAlert} title="A card payment on it was disputed: answer it in the Stripe dashboard" danger>
            Disputed
          </HeaderBadge>
        ) : null}
      </PageHeader>

      <InvoiceActions
        invoice={{
          id: invoice.id,
          currency: invoice.currency,
          balance: invoice.balance.toString(),
          returnable: returnableOf(invoice).toString(),
          taxMode: invoice.taxMode,
          dueDate: invoice.dueDate,
          notes: invoice.notes,
          lines: invoice.lines.map((l) => ({
            id: l.id,
            billsService: l.serviceId !== null,
            description: l.description,
            quantity: trimDecimal(l.quantity),
            unitPrice: l.unitPrice.toString(),
            taxRate: trimDecimal(l.taxRate),
            periodStart: linePeriod(l)?.start ?? '',
            periodEnd: linePeriod(l)?.end ?? '',
            code: l.code ?? '',
          })),
          numbered: invoice.number !== null,
          poNumber: invoice.poNumber,
          addressee,
          newLineTaxRate: customerRateText(settings.taxRate, customer),
          email: customer.email,
          credit: (invoice.purpose === 'top_up' ? 0n : history.credit).toString(),
          duplicable: (invoice.kind === 'invoice' || invoice.kind === 'proforma') && invoice.purpose !== 'top_up',
        }}
        allowed={actions}
        desk={{ statusTargets, remind: canRemind(invoice), overdue: invoice.status === 'overdue' }}
        basePath={basePath}
        canEdit={me.permissions.includes('invoices.edit')}
        canCreate={me.permissions.includes('invoices.create')}
        canRefund={me.permissions.includes('payments.refund')}
        canDelete={me.permissions.includes('invoices.delete') && !invoice.deletedAt}
      />
      <div className="mt-2">
        <DocumentActions
          invoiceId={invoice.id}
          basePath={basePath}
          papers={papers.map((p) => ({ id: p.id, label: p.label }))}
          canSend={me.permissions.includes('invoices.edit') && actions.send}
          channels={channels}
          contact={{ email: customer.email, phone: customer.phone }}
        />
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-3">
        <Card className="p-5 lg:col-span-2">
          <DataTable
            label="Lines"
            variant="inset"
            columns={[
              { label: 'Description' },
              ...(coded ? [{ label: 'Code' }] : []),
              { label: 'Qty', align: 'right' },
              { label: 'Unit price', align: 'right' },
              { label: settings.taxLabel, align: 'right' },
              { label: 'Amount', align: 'right' },
            ]}
          >
            {lines.map((line) => (
              <tr key={line.id} className="align-top">
                <td className="py-2 pr-4 whitespace-pre-line">
                  {readableDescription(line.description, line.period)}
                  <LinePeriod period={line.period} />
                </td>
                {coded ? <td className="py-2 pr-4">{line.code ?? ''}</td> : null}
                <td className="py-2 text-right tabular-nums">{trimDecimal(line.quantity)}</td>
                <td className="py-2 text-right tabular-nums">{money(line.unitPrice)}</td>
                <td className="py-2 text-right tabular-nums">{line.taxRate}%</td>
                <td className="py-2 text-right tabular-nums">{money(lineAmount(line, invoice.taxMode))}</td>
              </tr>
            ))}
          </DataTable>
          {invoice.notes ? <p className="mt-4 rounded-md bg-muted p-3 text-sm">{invoice.notes}</p> : null}
        </Card>

        <Card className="p-5">
          <div className="mb-4 border-b border-border pb-4 text-sm" aria-label="Bill to" role="group">
            <div className="mb-1 text-xs font-medium uppercase tracking-wide text-fg-muted">Bill to</div>
            <div className="font-medium" data-testid="addressee">
              {addressee.company || addressee.name}
            </div>
            <div className="text-fg-muted">
              {addressee.company ? <div>{addressee.name}</div> : null}
              {addressLines(addressee.billingAddress).map((line) => (
                <div key={line}>{line}</div>
              ))}
              {addressee.taxId ? <div>Tax ID {addressee.taxId}</div> : null}
              {addressee.placeOfSupply ? <div>Place of supply {addressee.placeOfSupply}</div> : null}
            </div>
          </div>
          <dl className="space-y-2 text-sm" aria-label="Totals">
            {[
              ...(invoice.orderName && invoice.orderId
                ? [
                    [
                      'Order',
                      <Link key="order" href={`${basePath}/orders/${invoice.orderId}`} className="text-accent hover:underline" data-testid="invoice-order">
                        {invoice.orderName}
                      </Link>,
                    ] as const,
                  ]
                : []),
              ...(invoice.poNumber ? [['PO / contract no.', invoice.poNumber]] : []),
              ['Issued', formats.day(invoice.issueDate)],
              // A credit note is settled when issued: nothing falls due and nothing is paid on it.
              ...(creditNote ? [] : [['Due', formats.day(invoice.dueDate)]]),
              [invoice.taxMode === 'inclusive' ? 'Net' : 'Subtotal', money(invoice.subtotal)],
              ...bands.map((band) => [`${settings.taxLabel} ${band.rate}% on ${money(band.base)}`, money(band.tax)]),
              ['Total', money(invoice.total)],
              ...(creditNote ? [] : [['Paid', money(invoice.amountPaid)]]),
              ...(invoice.amountRefunded > 0n ? [['Refunded', money(invoice.amountRefunded)]] : []),
            ].map(([label, value]) => (
              <div key={label} className="flex justify-between gap-4">
                <dt className="text-fg-muted">{label}</dt>
                <dd className="tabular-nums">{value}</dd>
              </div>
            ))}
            {creditNote ? (
              <div className="flex justify-between gap-4 border-t border-border pt-2 text-base font-semibold">
                <dt>Credited</dt>
                <dd className="tabular-nums" data-testid="credited">
                  {money(invoice.total)}
                </dd>
              </div>
            ) : (
              <div className="flex justify-between border-t border-border pt-2 text-base font-semibold">
                <dt>Balance</dt>
                <dd className="tabular-nums" data-testid="balance">
                  {money(invoice.balance)}
                </dd>
              </div>
            )}
          </dl>
          {creditNote && invoice.correctsInvoiceId ? (
            <p className="mt-3 text-sm" data-testid="corrects">
              Corrects{' '}
              <Link href={`${basePath}/invoices/${invoice.correctsInvoiceId}`} className="text-accent hover:underline">
                {corrected?.number ?? 'the invoice'}
              </Link>
            </p>
          ) : null}
          {publicPath ? (
            <div className="mt-5 border-t border-border pt-4 text-sm">
              <div className="mb-1 font-medium">Public link</div>
              <div className="flex items-center gap-2">
                <code className="min-w-0 flex-1 truncate rounded bg-muted px-2 py-1 text-xs">{publicPath}</code>
                <CopyButton text={publicPath} label="Copy public link" />
              </div>
            </div>
          ) : null}
        </Card>
      </div>

      <InternalNotes invoiceId={invoice.id} notes={invoice.internalNotes} canEdit={me.permissions.includes('invoices.edit')} />

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <Card className="p-5">
          <h2 className="mb-3 font-semibold">Payments</h2>
          {history.payments.length === 0 ? (
            <p className="text-sm text-fg-muted">No payment yet.</p>
          ) : (
            <table className="w-full text-sm" aria-label="Payments">
              <tbody className="divide-y divide-border">
                {history.payments.map((p) => (
                  <tr key={p.id}>
                    <td className="py-2">{formats.moment(p.paidAt)}</td>
                    <td className="py-2">{paymentMethodLabel(p.method)}</td>
                    <td className="py-2 text-fg-muted">{p.reference ?? ''}</td>
                    <td className="py-2 text-right tabular-nums">{money(p.amount)}</td>
                  </tr>
                ))}
                {history.refunds.map((r) => (
                  <tr key={r.id} className="text-danger">
                    <td className="py-2">{formats.moment(r.refundedAt)}</td>
                    <td className="py-2">Refund{r.toCredit ? ' to credit' : ''}</td>
                    <td className="py-2 text-fg-muted">{r.reason ?? ''}</td>
                    <td className="py-2 text-right tabular-nums">−{money(r.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {history.related.length > 0 ? (
            <>
              <h3 className="mt-5 mb-2 text-sm font-semibold">Related documents</h3>
              <ul className="space-y-1 text-sm" aria-label="Related documents">
                {history.related.map((doc) => (
                  <li key={doc.id} className="flex items-center justify-between gap-2">
                    <Link href={`${basePath}/invoices/${doc.id}`} className="text-accent hover:underline">
                      {doc.number ?? 'Draft'} · {humanize(doc.kind)}
                    </Link>
                    <span className="text-fg-muted">
                      {relationNames[doc.relation]} · {money(doc.total)}
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Card>

        <AuditLog entries={history.audit} entity="invoice" />
      </div>

      <Card className="mt-6 p-5">
        <h2 className="mb-3 font-semibold">Notification log</h2>
        {invoice.notifications.length === 0 ? (
          <p className="text-sm text-fg-muted">Not sent yet.</p>
        ) : (
          <DataTable
            label="Notification log"
            variant="inset"
            columns={[{ label: 'When' }, { label: 'Channel' }, { label: 'To' }, { label: 'Status' }, { label: 'Provider answer' }, { label: 'By' }]}
          >
            {[...invoice.notifications].reverse().map((n) => (
              <tr key={n.id} className="align-top">
                <td className="py-2 whitespace-nowrap">{formats.moment(n.at)}</td>
                <td className="py-2">{channelNames[n.channel]}</td>
                <td className="py-2">{n.recipient}</td>
                <td className="py-2">
                  <StatusPill status={n.status} />
                </td>
                <td className={`py-2 break-all ${n.status === 'failed' ? 'text-danger' : 'text-fg-muted'}`}>{n.detail ?? n.providerMessageId ?? '—'}</td>
                <td className="py-2 text-fg-muted">{n.triggeredBy}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>
    </>
  );
}

const relationNames = {
  corrects: 'corrects',
  consolidated_into: 'consolidated into',
  consolidates: 'consolidated here',
  converted_into: 'issued for this proforma',
  proforma: 'the proforma it was issued for',
} as const;

/** The period a line covers, under its description. */
async function LinePeriod({ period }: { period: { start: string; end: string } | null }) {
  const formats = await consoleFormats();
  return period ? (
    <div className="text-xs text-fg-muted">
      {formats.day(period.start)} – {formats.day(period.end)}
    </div>
  ) : null;
}

/** A marker beside the page title: what else is true of the document, with its reason on hover. */
function HeaderBadge({ icon: Icon, title, danger = false, children }: { icon: LucideIcon; title: string; danger?: boolean; children: ReactNode }) {
  const tone = danger ? 'bg-danger/15 font-medium text-danger' : 'bg-muted text-fg-muted';
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ${tone}`} title={title}>
      <Icon className="size-3" aria-hidden /> {children}
    </span>
  );
}
