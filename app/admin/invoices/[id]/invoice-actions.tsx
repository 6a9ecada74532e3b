'use client';

import { useMutation } from '@tanstack/react-query';
import { Ban, CheckCheck, FileMinus, FilePen, Link2, Plus, Send, Undo2, Wallet } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useState } from 'react';
import { toast } from 'sonner';
import { currencyExponent, formatMinor, parseMajor } from '@/server/billing/currency';
import { type InvoiceStatus, invoiceTransition } from '@/server/billing/invoice-status';
import type { TaxMode } from '@/server/billing/totals';
import type { FieldErrors } from '@/server/errors';
import { paymentMethods } from '@/server/schemas/invoices';
import { Button } from '../../../_components/ui/button';
import { Dialog, DialogActions } from '../../../_components/ui/dialog';
import { Field, Input, inputClass } from '../../../_components/ui/field';
import { humanize } from '../../../_lib/format';
import { useTRPC } from '../../../_lib/trpc';
import { useMoney } from '../../../_components/money';
import { type EditorLine, InvoiceEditor } from '../invoice-editor';
import { showFieldErrors } from '../../../_lib/form-errors';
import { useIdempotencyKey } from '../../../_lib/idempotency-key';

export type ActionInvoice = {
  id: string;
  kind: string;
  status: InvoiceStatus;
  amountRefunded: string;
  currency: string;
  balance: string;
  amountPaid: string;
  taxMode: TaxMode;
  dueDate: string;
  notes: string | null;
  lines: EditorLine[];
};

type Open = null | 'pay' | 'markPaid' | 'cancel' | 'edit' | 'finalize' | 'token' | 'refund' | 'correct';

/** The invoice's actions: only those its state allows, and only for people allowed to act. */
export function InvoiceActions({ invoice, canEdit, canRefund }: { invoice: ActionInvoice; canEdit: boolean; canRefund: boolean }) {
  const money = useMoney();
  const [open, setOpen] = useState<Open>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const state = { status: invoice.status, total: 0n, amountPaid: BigInt(invoice.amountPaid), amountRefunded: 0n, amountCredited: 0n };
  const balance = BigInt(invoice.balance);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const done = (message: string) => {
    renewKey();
    toast.success(message);
    setOpen(null);
    setErrors({});
    router.refresh();
  };
  const options = { onError: showFieldErrors(setErrors) };
  const pay = useMutation(trpc.invoices.recordPayment.mutationOptions({ ...options, onSuccess: (r) => done(`Payment recorded; invoice is ${r.invoice.status}`) }));
  const markPaid = useMutation(trpc.invoices.markPaid.mutationOptions({ ...options, onSuccess: () => done('Invoice marked as paid') }));
  const cancel = useMutation(trpc.invoices.cancel.mutationOptions({ ...options, onSuccess: () => done('Invoice cancelled') }));
  const finalize = useMutation(trpc.invoices.finalize.mutationOptions({ ...options, onSuccess: (r) => done(`Invoice ${r.number} finalized`) }));
  const update = useMutation(trpc.invoices.update.mutationOptions({ ...options, onSuccess: () => done('Invoice updated') }));
  const token = useMutation(trpc.invoices.regenerateToken.mutationOptions({ ...options, onSuccess: () => done('New public link issued; the old one no longer opens') }));
  const refund = useMutation(
    trpc.invoices.refund.mutationOptions({ ...options, onSuccess: (r) => done(r.creditNoteId ? 'Refund recorded with a credit note' : `Refund recorded; invoice is ${r.invoice.status}`) }),
  );
  const correct = useMutation(trpc.invoices.correct.mutationOptions({ ...options, onSuccess: (d) => done(`${d.kind === 'credit_note' ? 'Credit' : 'Debit'} note ${d.number} issued`) }));
  const refundable = BigInt(invoice.amountPaid) - BigInt(invoice.amountRefunded);

  if (!canEdit && !canRefund) return null;
  const can = (event: Parameters<typeof invoiceTransition>[1]) => invoiceTransition(state, event).ok;
  const payable = canEdit && balance > 0n && ['pending', 'partial', 'overdue'].includes(invoice.status);
  const correctable = canEdit && invoice.kind === 'invoice' && ['pending', 'partial', 'paid', 'overdue'].includes(invoice.status);

  function amountFrom(form: FormData, required: boolean): bigint | null | undefined {
    const text = String(form.get('amount') ?? '').trim();
    if (!text && !required) return undefined;
    const amount = parseMajor(text, invoice.currency);
    if (amount === null || amount <= 0n) {
      setErrors({ amount: `must be an amount above 0 with at most ${currencyExponent(invoice.currency)} decimals` });
      return null;
    }
    return amount;
  }

  function submitRefund(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = amountFrom(form, false);
    if (amount === null) return;
    refund.mutate({
      id: invoice.id,
      amount: amount === undefined ? undefined : Number(amount),
      reason: String(form.get('reason') ?? ''),
      to_credit: form.get('to_credit') === 'on',
      idempotencyKey,
    });
  }

  function submitCorrection(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = amountFrom(form, true);
    if (!amount) return;
    correct.mutate({
      id: invoice.id,
      kind: String(form.get('kind')) as 'credit_note' | 'debit_note',
      reason: String(form.get('reason') ?? ''),
      items: [{ description: String(form.get('description') ?? ''), quantity: 1, unit_price: Number(amount) }],
      idempotencyKey,
    });
  }

  function submitPayment(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = parseMajor(String(form.get('amount') ?? ''), invoice.currency);
    if (amount === null || amount <= 0n) {
      setErrors({ amount: `must be an amount above 0 with at most ${currencyExponent(invoice.currency)} decimals` });
      return;
    }
    const paidAt = String(form.get('paid_at') ?? '');
    pay.mutate({
      id: invoice.id,
      amount: Number(amount),
      method: String(form.get('method')) as (typeof paymentMethods)[number],
      reference: String(form.get('reference') ?? ''),
      paid_at: paidAt ? new Date(paidAt).toISOString() : undefined,
      idempotencyKey,
    });
  }

  const confirm = (kind: Open, title: string, text: string, action: () => void, pending: boolean, danger = false) => (
    <Dialog open={open === kind} onOpenChange={(o) => setOpen(o ? kind : null)} title={title} description={text}>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => setOpen(null)}>
          Keep it
        </Button>
        <Button onClick={action} disabled={pending} className={danger ? 'bg-danger text-white' : undefined}>
          {title}
        </Button>
      </div>
    </Dialog>
  );

  return (
    <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Invoice actions">
      {canEdit && invoice.status === 'draft' ? (
        <Action icon={<Send className="size-4" />} label="Finalize" onClick={() => setOpen('finalize')} primary />
      ) : null}
      {payable ? <Action icon={<Plus className="size-4" />} label="Add payment" onClick={() => setOpen('pay')} primary /> : null}
      {payable ? <Action icon={<CheckCheck className="size-4" />} label="Mark as paid" onClick={() => setOpen('markPaid')} /> : null}
      {canEdit && can('edit') ? <Action icon={<FilePen className="size-4" />} label="Edit" onClick={() => setOpen('edit')} /> : null}
      {correctable ? <Action icon={<FileMinus className="size-4" />} label="Credit / debit note" onClick={() => setOpen('correct')} /> : null}
      {canRefund && refundable > 0n && invoice.status !== 'refunded' ? (
        <Action icon={<Undo2 className="size-4" />} label="Refund" onClick={() => setOpen('refund')} />
      ) : null}
      {canEdit && invoice.status !== 'draft' ? <Action icon={<Link2 className="size-4" />} label="Regenerate link" onClick={() => setOpen('token')} /> : null}
      {canEdit && can('cancel') ? <Action icon={<Ban className="size-4" />} label="Cancel invoice" onClick={() => setOpen('cancel')} /> : null}

      <Dialog open={open === 'refund'} onOpenChange={(o) => setOpen(o ? 'refund' : null)} title="Refund" description={`Up to ${money(refundable, invoice.currency)} can go back.`}>
        <form onSubmit={submitRefund} noValidate className="space-y-4">
          <Field label={`Amount (${invoice.currency})`} name="amount" error={errors.amount} hint="Leave empty to refund everything still refundable.">
            <Input id="amount" name="amount" inputMode="decimal" autoFocus aria-invalid={errors.amount ? true : undefined} aria-describedby={errors.amount ? 'amount-error' : undefined} />
          </Field>
          <Field label="Reason (optional)" name="reason" error={errors.reason}>
            <Input id="reason" name="reason" />
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="to_credit" /> Put it on the customer’s credit balance instead
          </label>
          {errors.payment_id ? <p role="alert" className="text-sm text-danger">{errors.payment_id}</p> : null}
          <DialogActions onCancel={() => setOpen(null)} pending={refund.isPending} submit="Refund" />
        </form>
      </Dialog>

      <Dialog open={open === 'correct'} onOpenChange={(o) => setOpen(o ? 'correct' : null)} title="Credit or debit note" description="A credit note lowers what is owed (or adds credit); a debit note bills more.">
        <form onSubmit={submitCorrection} noValidate className="space-y-4">
          <Field label="Kind" name="kind">
            <select id="kind" name="kind" className={inputClass} defaultValue="credit_note">
              <option value="credit_note">Credit note</option>
              <option value="debit_note">Debit note</option>
            </select>
          </Field>
          <Field label="Description" name="description" error={errors['items.0.description']}>
            <Input id="description" name="description" />
          </Field>
          <Field label={`Amount (${invoice.currency})`} name="amount" error={errors.amount ?? errors.items}>
            <Input id="amount" name="amount" inputMode="decimal" />
          </Field>
          <Field label="Reason" name="reason" error={errors.reason}>
            <Input id="reason" name="reason" />
          </Field>
          <DialogActions onCancel={() => setOpen(null)} pending={correct.isPending} submit="Issue" />
        </form>
      </Dialog>

      <Dialog open={open === 'pay'} onOpenChange={(o) => setOpen(o ? 'pay' : null)} title="Add payment" description={`Open balance ${money(balance, invoice.currency)}`}>
        <form onSubmit={submitPayment} noValidate className="space-y-4">
          <Field label={`Amount (${invoice.currency})`} name="amount" error={errors.amount}>
            <Input id="amount" name="amount" inputMode="decimal" autoFocus aria-invalid={errors.amount ? true : undefined} aria-describedby={errors.amount ? 'amount-error' : undefined} />
          </Field>
          <Field label="Method" name="method" error={errors.method}>
            <select id="method" name="method" className={inputClass} defaultValue="bank_transfer">
              {paymentMethods.filter((m) => !['stripe', 'paypal'].includes(m)).map((m) => (
                <option key={m} value={m}>
                  {humanize(m)}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Reference (optional)" name="reference" error={errors.reference}>
            <Input id="reference" name="reference" />
          </Field>
          <Field label="Paid at (optional)" name="paid_at" error={errors.paid_at} hint="Leave empty for now; may be in the past, never the future.">
            <Input id="paid_at" name="paid_at" type="datetime-local" />
          </Field>
          <DialogActions onCancel={() => setOpen(null)} pending={pay.isPending} submit={<><Wallet className="size-4" aria-hidden /> Record payment</>} />
        </form>
      </Dialog>
      {confirm('markPaid', 'Mark as paid', `Records one payment of ${money(balance, invoice.currency)} by bank transfer.`, () => markPaid.mutate({ id: invoice.id, idempotencyKey }), markPaid.isPending)}
      {confirm('cancel', 'Cancel invoice', 'The customer will owe nothing on it; its number stays used.', () => cancel.mutate({ id: invoice.id }), cancel.isPending, true)}
      {confirm('finalize', 'Finalize', 'It gets the next number and becomes payable; after that it can only be edited while unpaid.', () => finalize.mutate({ id: invoice.id }), finalize.isPending)}
      {confirm('token', 'Regenerate link', 'Links sent before will stop working.', () => token.mutate({ id: invoice.id }), token.isPending)}
      {open === 'edit' ? (
        <InvoiceEditor
          title="Edit invoice"
          description="Unpaid invoices only; the number stays the same."
          submit="Save changes"
          currency={invoice.currency}
          taxMode={invoice.taxMode}
          initial={{ lines: invoice.lines.map((l) => ({ ...l, unitPrice: formatMinor(BigInt(l.unitPrice), invoice.currency) })), dueDate: invoice.dueDate, notes: invoice.notes ?? '' }}
          errors={errors}
          pending={update.isPending}
          onClose={() => setOpen(null)}
          onSave={(items, dueDate, notes) => update.mutate({ id: invoice.id, items, due_date: dueDate, notes })}
        />
      ) : null}
    </div>
  );
}

function Action({ icon, label, onClick, primary }: { icon: ReactNode; label: string; onClick: () => void; primary?: boolean }) {
  return (
    <Button variant={primary ? 'primary' : 'secondary'} onClick={onClick}>
      <span aria-hidden>{icon}</span>
      {label}
    </Button>
  );
}
