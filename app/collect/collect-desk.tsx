'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowLeft, Download, Search } from 'lucide-react';
import { parseAsString, useQueryState } from 'nuqs';
import { useState } from 'react';
import { z } from 'zod';
import { currencyExponent } from '@/server/billing/currency';
import { qrPath } from '@/server/documents/qr';
import { receiptRows } from '@/server/documents/receipt-rows';
import type { CollectionReceipt } from '@/server/services/collect/receipt';
import type { OpenInvoice } from '@/server/services/collect/round';
import { useFormats, useMoney } from '../_components/money';
import { Button, buttonClass } from '../_components/ui/button';
import { Card } from '../_components/ui/card';
import { Facts } from '../_components/ui/facts';
import { Input } from '../_components/ui/field';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../_components/ui/form';
import { showFieldErrors } from '../_lib/form-errors';
import { majorAmount } from '../_lib/form-schemas';
import { useIdempotencyKey } from '../_lib/idempotency-key';
import { useTRPC } from '../_lib/trpc';

/**
 * The Collect page, sized for a phone: find the customer among those on the collector's round,
 * choose one of its open invoices, type the cash taken and the paper receipt's number, confirm,
 * then hand over the receipt (PDF, and its QR code on screen for the customer to scan).
 */
export function CollectDesk() {
  const [customerId, setCustomerId] = useQueryState('customer', parseAsString);
  const [receipt, setReceipt] = useState<CollectionReceipt | null>(null);
  if (receipt) return <ReceiptPanel receipt={receipt} onDone={() => (setReceipt(null), setCustomerId(null))} />;
  if (customerId) return <CustomerInvoices customerId={customerId} onBack={() => setCustomerId(null)} onCollected={setReceipt} />;
  return <FindCustomer onPick={setCustomerId} />;
}

function FindCustomer({ onPick }: { onPick: (id: string) => void }) {
  const trpc = useTRPC();
  const [q, setQ] = useQueryState('q', parseAsString.withDefault(''));
  const found = useQuery(trpc.collect.customers.queryOptions({ q }));
  return (
    <div className="space-y-4">
      <label className="relative block">
        <span className="sr-only">Find a customer</span>
        <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-fg-muted" aria-hidden />
        <Input
          type="search"
          placeholder="Name, company, e-mail or phone"
          className="h-11 pl-9 text-base"
          value={q}
          onChange={(e) => void setQ(e.target.value || null)}
        />
      </label>
      {found.data?.length === 0 ? (
        <p className="text-sm text-fg-muted">{q ? 'None of your customers matches.' : 'No customers are assigned to you yet.'}</p>
      ) : null}
      <ul className="space-y-2" aria-label="Customers">
        {found.data?.map((customer) => (
          <li key={customer.id}>
            <button
              type="button"
              onClick={() => onPick(customer.id)}
              className="flex w-full items-center justify-between gap-3 rounded-lg border border-border bg-surface p-4 text-left hover:bg-muted"
            >
              <span className="min-w-0">
                <span className="block truncate font-medium">{customer.name}</span>
                <span className="block truncate text-sm text-fg-muted">{[customer.company, customer.phone].filter(Boolean).join(' · ') || '—'}</span>
              </span>
              <span className={customer.openInvoices > 0 ? 'shrink-0 text-sm font-medium text-accent' : 'shrink-0 text-sm text-fg-muted'}>
                {customer.openInvoices === 0 ? 'Nothing due' : customer.openInvoices === 1 ? '1 open invoice' : `${customer.openInvoices} open invoices`}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function CustomerInvoices({ customerId, onBack, onCollected }: { customerId: string; onBack: () => void; onCollected: (r: CollectionReceipt) => void }) {
  const trpc = useTRPC();
  const money = useMoney();
  const formats = useFormats();
  const round = useQuery(trpc.collect.customer.queryOptions({ id: customerId }));
  const [chosen, setChosen] = useState<OpenInvoice | null>(null);
  if (round.error) {
    return (
      <Card className="space-y-3 p-4">
        <p role="alert">{round.error.message}</p>
        <BackButton onClick={onBack}>Back to your customers</BackButton>
      </Card>
    );
  }
  if (!round.data) return <p className="text-sm text-fg-muted">Loading…</p>;
  const { customer, invoices } = round.data;
  return (
    <div className="space-y-4">
      <BackButton onClick={chosen ? () => setChosen(null) : onBack}>{chosen ? 'Other invoices' : 'Your customers'}</BackButton>
      <div>
        <h2 className="text-lg font-semibold">{customer.name}</h2>
        <p className="text-sm text-fg-muted">{[customer.company, customer.phone].filter(Boolean).join(' · ')}</p>
      </div>
      {chosen ? (
        <CashForm key={chosen.id} invoice={chosen} customerName={customer.name} onCollected={onCollected} />
      ) : invoices.length === 0 ? (
        <p className="text-sm text-fg-muted">Nothing is due: this customer has no open invoices.</p>
      ) : (
        <ul className="space-y-2" aria-label="Open invoices">
          {invoices.map((invoice) => (
            <li key={invoice.id}>
              <button
                type="button"
                onClick={() => setChosen(invoice)}
                className="flex w-full items-center justify-between gap-3 rounded-lg border border-border bg-surface p-4 text-left hover:bg-muted"
              >
                <span>
                  <span className="block font-medium">{invoice.number}</span>
                  <span className="block text-sm text-fg-muted">
                    Due {formats.day(invoice.dueDate)}
                    {invoice.status === 'overdue' ? ' · overdue' : invoice.status === 'partial' ? ' · part paid' : ''}
                  </span>
                </span>
                <span className="text-right">
                  <span className="block font-semibold tabular-nums">{money(invoice.balance, invoice.currency)}</span>
                  <span className="block text-xs text-fg-muted">of {money(invoice.total, invoice.currency)}</span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

const cashForm = (invoice: OpenInvoice) =>
  z.object({
    amount: majorAmount(
      invoice.currency,
      (minor) => minor > 0n && minor <= invoice.balance,
      `must be above 0, at most the balance, with at most ${currencyExponent(invoice.currency)} decimals`,
    ),
    receipt_number: z.string().trim().min(1, 'is required: the number of the paper receipt you handed over'),
  });

/** Amount and receipt number, then a confirmation naming both; the key makes a double tap or a retry one payment. */
function CashForm({ invoice, customerName, onCollected }: { invoice: OpenInvoice; customerName: string; onCollected: (r: CollectionReceipt) => void }) {
  const trpc = useTRPC();
  const money = useMoney();
  const [idempotencyKey] = useIdempotencyKey();
  const [pending, setPending] = useState<{ amount: bigint; receiptNumber: string } | null>(null);
  const form = useZodForm(cashForm(invoice), { amount: '', receipt_number: '' });
  const collect = useMutation(
    trpc.collect.collectCash.mutationOptions({
      onSuccess: onCollected,
      onError: (error) => (setPending(null), showFieldErrors(setFieldErrors(form))(error)),
    }),
  );
  if (pending) {
    return (
      <Card className="space-y-4 p-4">
        <h3 className="font-semibold">Confirm the payment</h3>
        <p>
          Record <strong className="tabular-nums">{money(pending.amount, invoice.currency)}</strong> in cash from {customerName} for {invoice.number}, receipt{' '}
          <strong>{pending.receiptNumber}</strong>?
        </p>
        <p className="text-sm text-fg-muted">Balance left afterwards: {money(invoice.balance - pending.amount, invoice.currency)}</p>
        <div className="flex flex-col gap-2">
          <Button
            className="h-11"
            disabled={collect.isPending}
            onClick={() => collect.mutate({ invoice_id: invoice.id, amount: Number(pending.amount), receipt_number: pending.receiptNumber, idempotencyKey })}
          >
            {collect.isPending ? 'Recording…' : 'Confirm payment'}
          </Button>
          <Button variant="secondary" className="h-11" disabled={collect.isPending} onClick={() => setPending(null)}>
            Change
          </Button>
        </div>
      </Card>
    );
  }
  return (
    <Card className="p-4">
      <Facts
        className="mb-4 grid grid-cols-2 gap-2 text-sm"
        valueClassName="font-medium tabular-nums"
        items={[
          ['Invoice', invoice.number],
          ['Balance', money(invoice.balance, invoice.currency)],
        ]}
      />
      <Form form={form} className="space-y-4" onSubmit={(v) => setPending({ amount: v.amount, receiptNumber: v.receipt_number })}>
        <FormText name="amount" label={`Amount received (${invoice.currency})`} inputMode="decimal" autoFocus hint="Part of the balance is fine; never more." />
        <FormText name="receipt_number" label="Receipt number" hint="From your paper receipt book." />
        <FormError />
        <Button type="submit" className="h-11 w-full">
          Continue
        </Button>
      </Form>
    </Card>
  );
}

function ReceiptPanel({ receipt, onDone }: { receipt: CollectionReceipt; onDone: () => void }) {
  const qr = qrPath(receipt.publicUrl);
  return (
    <Card className="space-y-4 p-4" role="region" aria-label="Receipt">
      <div>
        <h2 className="text-lg font-semibold text-success">Payment recorded</h2>
        <p className="text-sm text-fg-muted">Give the customer the receipt, or let them scan the code to see their invoice.</p>
      </div>
      <Facts className="grid grid-cols-2 gap-2 text-sm" valueClassName="font-medium" items={receiptRows(receipt)} />
      <figure className="flex flex-col items-center gap-2">
        <svg
          viewBox={`-2 -2 ${qr.size + 4} ${qr.size + 4}`}
          className="size-48 rounded bg-white p-1"
          role="img"
          aria-label="QR code of the invoice's public page"
          data-testid="receipt-qr"
        >
          <path d={qr.path} fill="#000" />
        </svg>
        <figcaption className="text-xs text-fg-muted">Scan to see the invoice and what is still due</figcaption>
      </figure>
      <div className="flex flex-col gap-2">
        <a className={buttonClass('primary', 'h-11')} href={`/collect/receipts/${receipt.paymentId}/pdf`} download>
          <Download className="size-4" aria-hidden /> Download receipt (PDF)
        </a>
        <Button variant="secondary" className="h-11" onClick={onDone}>
          Collect another
        </Button>
      </div>
    </Card>
  );
}

function BackButton({ onClick, children }: { onClick: () => void; children: string }) {
  return (
    <Button variant="ghost" className="-ml-2 px-2" onClick={onClick}>
      <ArrowLeft className="size-4" aria-hidden /> {children}
    </Button>
  );
}
