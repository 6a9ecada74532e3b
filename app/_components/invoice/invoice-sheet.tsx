import { loadDocumentWords } from '@/server/documents/load';
import { documentTitle, formatPeriod, lineAmount, paymentInstructions, statusWords, taxBreakdown } from '@/server/documents/model';
import { paymentMethods } from '@/server/schemas/invoices';
import type { CustomerInvoice } from '@/server/services/invoices/customer-invoice';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { StatusPill } from '../ui/status-pill';

/**
 * An invoice as its customer reads it, on screen and on paper: the same content the PDF prints
 * (seller, customer, lines, totals per tax rate, what to do next) and the money received. Used by
 * the client portal and the public invoice page; it shows nothing of the desk's. It is written in
 * the document's language (its customer's, or the one the page asked for), not the visitor's.
 */
export async function InvoiceSheet({ invoice }: { invoice: CustomerInvoice }) {
  const doc = invoice.document;
  const w = await loadDocumentWords(doc.locale, invoice.decimals);
  const { t, formats } = w;
  const money = (amount: bigint) => formats.money(amount, doc.currency);
  const day = (date: string) => formats.day(date);
  const method = (code: string) =>
    (paymentMethods as readonly string[]).includes(code) ? w.common(`paymentMethod.${code as (typeof paymentMethods)[number]}`) : code;
  const bands = taxBreakdown(doc.lines);
  const taxed = bands.some((band) => band.tax !== 0n);
  const coded = doc.lines.some((line) => line.code);
  // A credit note is settled when issued: no due date, no balance to pay.
  const creditNote = doc.kind === 'credit_note';
  return (
    <Card className="p-6 sm:p-8 print:border-0 print:p-0 print:shadow-none" aria-label={t('sheet.label')} lang={doc.locale}>
      <header className="flex flex-wrap items-start justify-between gap-6 border-b border-border pb-6">
        <div className="space-y-1">
          {doc.seller.logo ? (
            // A data: URL the settings hold; next/image has nothing to optimise here.
            // eslint-disable-next-line @next/next/no-img-element
            <img src={doc.seller.logo} alt="" className="mb-2 max-h-14 max-w-48 object-contain" />
          ) : null}
          <div className="text-lg font-semibold" data-testid="seller-name">
            {doc.seller.name || t('seller')}
          </div>
          <Lines lines={doc.seller.lines} />
          {doc.seller.taxId ? <div className="text-sm text-fg-muted">{t('taxId', { id: doc.seller.taxId })}</div> : null}
        </div>
        <div className="space-y-1 text-right">
          <div className="text-sm text-fg-muted">{documentTitle(doc, w)}</div>
          <h1 className="text-2xl font-semibold tracking-tight tabular-nums">{doc.number ?? t('draft')}</h1>
          {doc.orderName ? <div data-testid="order-name">{doc.orderName}</div> : null}
          <StatusPill status={doc.status} label={statusWords(doc, w)} className="text-sm" />
          <dl className="mt-2 grid grid-cols-[auto_auto] justify-end gap-x-4 gap-y-0.5 text-sm">
            <dt className="text-fg-muted">{t('sheet.issued')}</dt>
            <dd>{day(doc.issueDate)}</dd>
            {creditNote ? null : (
              <>
                <dt className="text-fg-muted">{t('sheet.due')}</dt>
                <dd className={doc.status === 'overdue' ? 'font-medium text-danger' : undefined} data-testid="due-date">
                  {day(doc.dueDate)}
                </dd>
              </>
            )}
            {doc.paidOn && !creditNote ? (
              <>
                <dt className="text-fg-muted">{t('sheet.paid')}</dt>
                <dd>{day(doc.paidOn)}</dd>
              </>
            ) : null}
            {doc.poNumber ? (
              <>
                <dt className="text-fg-muted">{t('meta.poNumber')}</dt>
                <dd data-testid="po-number">{doc.poNumber}</dd>
              </>
            ) : null}
          </dl>
        </div>
      </header>

      <section className="grid gap-6 py-6 sm:grid-cols-2" aria-label={t('sheet.parties')}>
        <div>
          <h2 className="mb-1 text-xs font-medium uppercase tracking-wide text-fg-muted">{doc.kind === 'credit_note' ? t('creditedTo') : t('billTo')}</h2>
          <div className="font-medium" data-testid="bill-to">
            {doc.customer.name}
          </div>
          <Lines lines={doc.customer.lines} />
          {doc.customer.taxId ? <div className="text-sm text-fg-muted">{t('taxId', { id: doc.customer.taxId })}</div> : null}
          {doc.customer.placeOfSupply ? <div className="text-sm text-fg-muted">{t('placeOfSupply', { place: doc.customer.placeOfSupply })}</div> : null}
        </div>
        {doc.corrects || doc.consolidatedInto ? (
          <div className="text-sm sm:text-right">
            {doc.corrects ? <p>{t('sheet.correctsInvoice', { number: doc.corrects })}</p> : null}
            {doc.consolidatedInto ? <p>{t('sheet.consolidatedInto', { number: doc.consolidatedInto })}</p> : null}
          </div>
        ) : null}
      </section>

      <DataTable
        label={t('sheet.lines')}
        variant="inset"
        columns={[
          { label: t('column.description') },
          ...(coded ? [{ label: t('column.code') }] : []),
          { label: t('column.quantity'), align: 'right' },
          { label: t('column.unitPrice'), align: 'right' },
          ...(taxed ? [{ label: doc.taxLabel, align: 'right' as const }] : []),
          { label: doc.taxMode === 'inclusive' ? t('column.amountInclTax') : t('column.amount'), align: 'right' },
        ]}
      >
        {doc.lines.map((line, i) => (
          <tr key={i} className="align-top">
            <td className="py-2 pr-4 whitespace-pre-line">
              {line.description}
              {line.period ? <div className="text-xs text-fg-muted">{formatPeriod(line.period, w)}</div> : null}
            </td>
            {coded ? <td className="py-2 pr-4">{line.code ?? ''}</td> : null}
            <td className="py-2 text-right tabular-nums">{line.quantity}</td>
            <td className="py-2 text-right tabular-nums whitespace-nowrap">{money(line.unitPrice)}</td>
            {taxed ? <td className="py-2 text-right tabular-nums">{line.taxRate}%</td> : null}
            <td className="py-2 text-right tabular-nums whitespace-nowrap">{money(lineAmount(line, doc.taxMode))}</td>
          </tr>
        ))}
      </DataTable>

      {doc.sources.length > 0 ? (
        <div className="mt-4 text-sm">
          <h2 className="mb-1 font-medium">{t('sheet.replaces')}</h2>
          <ul className="space-y-0.5 text-fg-muted">
            {doc.sources.map((source) => (
              <li key={source.number}>
                {t('sheet.source', { number: source.number, date: day(source.issueDate) })} · {money(source.total)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="mt-6 grid gap-6 border-t border-border pt-4 sm:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="space-y-1 text-sm">
          {/* Without the link: the QR code is the PDF's; on screen the pay buttons sit beside. */}
          {paymentInstructions({ ...doc, publicUrl: null }, w).map((line) => (
            <p key={line}>{line}</p>
          ))}
          {invoice.bankTransfer ? (
            <div className="mt-3 rounded-md border border-border bg-muted/50 p-3" data-testid="bank-transfer-details">
              <h2 className="font-medium">{t('sheet.payByTransfer')}</h2>
              <p className="mt-1 whitespace-pre-line text-fg-muted">{invoice.bankTransfer.instructions}</p>
              {doc.seller.bankDetails ? <p className="mt-1 whitespace-pre-line">{doc.seller.bankDetails}</p> : null}
              <p className="mt-1">
                {t('sheet.reference')} <span className="font-mono font-medium">{invoice.bankTransfer.reference}</span>
              </p>
            </div>
          ) : doc.seller.bankDetails && doc.balance > 0n ? (
            <p className="whitespace-pre-line text-fg-muted">{doc.seller.bankDetails}</p>
          ) : null}
        </div>
        <dl className="space-y-1.5 text-sm" aria-label={t('totals.label')}>
          <Row label={doc.taxMode === 'inclusive' ? t('totals.net') : t('totals.subtotal')} value={money(doc.subtotal)} />
          {taxed
            ? bands.map((band) => (
                <Row key={band.rate} label={t('totals.taxOn', { tax: doc.taxLabel, rate: band.rate, base: money(band.base) })} value={money(band.tax)} />
              ))
            : null}
          <Row label={t('totals.total')} value={money(doc.total)} strong />
          {doc.amountPaid > 0n && !creditNote ? <Row label={t('totals.paid')} value={`−${money(doc.amountPaid)}`} /> : null}
          {doc.amountRefunded > 0n ? <Row label={t('totals.refunded')} value={money(doc.amountRefunded)} /> : null}
          {creditNote ? null : (
            <div className="flex justify-between border-t border-border pt-2 text-base font-semibold">
              <dt>{t('totals.balanceDue')}</dt>
              <dd className="tabular-nums" data-testid="balance-due">
                {money(doc.balance)}
              </dd>
            </div>
          )}
        </dl>
      </div>

      {invoice.payments.length > 0 || invoice.refunds.length > 0 ? (
        <section className="mt-8" aria-label={t('sheet.payments')}>
          <h2 className="mb-2 text-sm font-semibold">{t('sheet.payments')}</h2>
          <DataTable
            label={t('sheet.paymentsReceived')}
            variant="inset"
            columns={[{ label: t('sheet.date') }, { label: t('sheet.method') }, { label: t('sheet.amount'), align: 'right' }]}
          >
            {invoice.payments.map((p) => (
              <tr key={p.id}>
                <td className="py-2">{formats.moment(p.paidAt)}</td>
                <td className="py-2">{method(p.method)}</td>
                <td className="py-2 text-right tabular-nums">{money(p.amount)}</td>
              </tr>
            ))}
            {invoice.refunds.map((r) => (
              <tr key={r.id}>
                <td className="py-2">{formats.moment(r.refundedAt)}</td>
                <td className="py-2">{r.toCredit ? t('sheet.refundToCredit') : t('sheet.refund')}</td>
                <td className="py-2 text-right tabular-nums">−{money(r.amount)}</td>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </Card>
  );
}

function Lines({ lines }: { lines: string[] }) {
  return (
    <div className="text-sm text-fg-muted">
      {lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
    </div>
  );
}

function Row({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className={strong ? 'flex justify-between gap-4 font-medium' : 'flex justify-between gap-4'}>
      <dt className={strong ? undefined : 'text-fg-muted'}>{label}</dt>
      <dd className="tabular-nums whitespace-nowrap">{value}</dd>
    </div>
  );
}
