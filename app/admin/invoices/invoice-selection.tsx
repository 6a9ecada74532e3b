'use client';

import { useMutation } from '@tanstack/react-query';
import { BellRing, CheckCheck, Download, FileArchive, Send, X } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { createContext, useContext, useState, type ReactNode } from 'react';
import { z } from 'zod';
import { paymentMethodLabels } from '@/server/labels';
import { deskPaymentMethods } from '@/server/schemas/invoice-desk';
import { channelNames, type Channel } from '@/server/schemas/invoices';
import type { ConsoleBase } from '../../_components/console/base-path';
import { useMoney } from '../../_components/money';
import { Button, buttonClass } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormError, FormSelect, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useIdempotencyKey } from '../../_lib/idempotency-key';
import { useTRPC } from '../../_lib/trpc';

/** A row of the page as the bulk actions need it; `balance` is minor units as text. */
export type SelectableInvoice = { id: string; number: string | null; currency: string; balance: string };

type Selection = { rows: readonly SelectableInvoice[]; selected: ReadonlySet<string>; toggle: (id: string) => void; setAll: (on: boolean) => void };

const SelectionContext = createContext<Selection | null>(null);

function useSelection(): Selection {
  const selection = useContext(SelectionContext);
  if (!selection) throw new Error('Invoice selection used outside InvoiceSelection');
  return selection;
}

/** Which of the page's invoices are chosen for a bulk action; a new page (filters, paging) starts empty. */
export function InvoiceSelection({ rows, children }: { rows: readonly SelectableInvoice[]; children: ReactNode }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const onPage = new Set(rows.map((r) => r.id));
  // Rows that left the page (a refresh after a bulk action, another page) are no longer chosen.
  const chosen = new Set([...selected].filter((id) => onPage.has(id)));
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const setAll = (on: boolean) => setSelected(on ? onPage : new Set());
  return <SelectionContext.Provider value={{ rows, selected: chosen, toggle, setAll }}>{children}</SelectionContext.Provider>;
}

export function SelectAllOnPage() {
  const { rows, selected, setAll } = useSelection();
  const all = rows.length > 0 && selected.size === rows.length;
  return (
    <input
      type="checkbox"
      aria-label="Select all invoices on this page"
      checked={all}
      ref={(box) => {
        if (box) box.indeterminate = selected.size > 0 && !all;
      }}
      onChange={() => setAll(!all)}
    />
  );
}

export function SelectInvoice({ id, number }: { id: string; number: string | null }) {
  const { selected, toggle } = useSelection();
  return <input type="checkbox" aria-label={`Select ${number ?? 'draft'}`} checked={selected.has(id)} onChange={() => toggle(id)} />;
}

type Result = { succeeded: { id: string; number: string | null }[]; failed: { id: string; number: string | null; message: string }[] };
type Action = 'send' | 'remind' | 'markPaid';

/**
 * The bar over the list while invoices are chosen: Send, Send reminder, Download PDFs (one zip),
 * Export selected (CSV) and Mark paid, each for all of them at once; the sends and Mark paid only
 * for those with invoices.edit (the downloads need what the list needs). Each invoice succeeds or fails on its own; the dialog then
 * lists what failed and why.
 */
export function BulkBar({ basePath, channels, canEdit }: { basePath: ConsoleBase; channels: readonly Channel[]; canEdit: boolean }) {
  const { rows, selected, setAll } = useSelection();
  const [open, setOpen] = useState<Action | null>(null);
  if (selected.size === 0) return null;
  const chosen = rows.filter((r) => selected.has(r.id));
  const ids = chosen.map((r) => r.id).join(',');
  const close = () => setOpen(null);
  // Once a bulk action is done its invoices have changed: the choice starts afresh.
  const done = () => (setOpen(null), setAll(false));
  return (
    <div role="toolbar" aria-label="Bulk actions" className="flex flex-wrap items-center gap-2 border-b border-border bg-accent/5 px-4 py-2">
      <span className="mr-2 text-sm font-medium">{selected.size} selected</span>
      {canEdit ? (
        <>
          <Button variant="secondary" onClick={() => setOpen('send')}>
            <Send className="size-4" aria-hidden /> Send
          </Button>
          <Button variant="secondary" onClick={() => setOpen('remind')}>
            <BellRing className="size-4" aria-hidden /> Send reminder
          </Button>
        </>
      ) : null}
      <a className={buttonClass('secondary')} href={`${basePath}/invoices/pdfs?ids=${ids}`} download>
        <FileArchive className="size-4" aria-hidden /> Download PDFs
      </a>
      <a className={buttonClass('secondary')} href={`${basePath}/invoices/export?ids=${ids}`} download>
        <Download className="size-4" aria-hidden /> Export selected
      </a>
      {canEdit ? (
        <Button variant="secondary" onClick={() => setOpen('markPaid')}>
          <CheckCheck className="size-4" aria-hidden /> Mark paid
        </Button>
      ) : null}
      <Button variant="ghost" onClick={() => setAll(false)}>
        <X className="size-4" aria-hidden /> Clear selection
      </Button>
      {open === 'send' || open === 'remind' ? (
        <SendDialog reminder={open === 'remind'} invoices={chosen} channels={channels} onClose={close} onDone={done} />
      ) : null}
      {open === 'markPaid' ? <MarkPaidDialog invoices={chosen} onClose={close} onDone={done} /> : null}
    </div>
  );
}

const sendForm = z.object({ channel: z.enum(['email', 'sms', 'whatsapp']) });

type DialogProps = { invoices: SelectableInvoice[]; onClose: () => void; onDone: () => void };

function SendDialog({ reminder, invoices, channels, onClose, onDone }: DialogProps & { reminder: boolean; channels: readonly Channel[] }) {
  const trpc = useTRPC();
  const [idempotencyKey] = useIdempotencyKey();
  const form = useZodForm(sendForm, { channel: 'email' });
  const [result, setResult] = useState<Result | null>(null);
  const options = { onError: showFieldErrors(setFieldErrors(form)), onSuccess: setResult };
  const send = useMutation(trpc.invoices.bulkSend.mutationOptions(options));
  const remind = useMutation(trpc.invoices.bulkSendReminder.mutationOptions(options));
  const title = reminder ? 'Send reminders' : 'Send invoices';
  if (result) return <ResultDialog title={title} done={reminder ? 'reminded' : 'sent'} result={result} onClose={onDone} />;
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title={title}
      description={
        reminder
          ? `A payment reminder (the overdue notice when overdue) for each of the ${invoices.length} selected invoices that still awaits payment.`
          : `Each of the ${invoices.length} selected invoices goes to its customer.`
      }
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) => (reminder ? remind : send).mutate({ ids: invoices.map((i) => i.id), channel: v.channel, idempotencyKey })}
      >
        <FormSelect name="channel" label="Channel" autoFocus>
          {channels.map((c) => (
            <option key={c} value={c}>
              {channelNames[c]}
            </option>
          ))}
        </FormSelect>
        <FormError />
        <DialogActions onCancel={onClose} pending={send.isPending || remind.isPending} submit={reminder ? 'Send reminders' : 'Send'} />
      </Form>
    </Dialog>
  );
}

const markPaidForm = z.object({
  method: z.enum(deskPaymentMethods, { error: 'Choose how the money was received' }),
  reference: z.string().trim().max(200, 'must be at most 200 characters'),
});

/** What is due per currency, in the order the currencies first appear. */
function totalsByCurrency(invoices: readonly SelectableInvoice[]): Array<[string, bigint]> {
  const totals = new Map<string, bigint>();
  for (const i of invoices) totals.set(i.currency, (totals.get(i.currency) ?? 0n) + BigInt(i.balance));
  return [...totals];
}

function MarkPaidDialog({ invoices, onClose, onDone }: DialogProps) {
  const money = useMoney();
  const trpc = useTRPC();
  const [idempotencyKey] = useIdempotencyKey();
  const form = useZodForm(markPaidForm, { method: 'bank_transfer', reference: '' });
  const [result, setResult] = useState<Result | null>(null);
  const markPaid = useMutation(trpc.invoices.bulkMarkPaid.mutationOptions({ onError: showFieldErrors(setFieldErrors(form)), onSuccess: setResult }));
  if (result) return <ResultDialog title="Mark invoices as paid" done="paid" result={result} onClose={onDone} />;
  // What the page showed as due; the server pays what is due when it locks each invoice.
  const payable = invoices.filter((i) => BigInt(i.balance) > 0n);
  const nothingDue = invoices.length - payable.length;
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Mark invoices as paid"
      description="Records one payment of the whole amount due on each of these invoices."
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) => markPaid.mutate({ ids: payable.map((i) => i.id), method: v.method, reference: v.reference || undefined, idempotencyKey })}
      >
        {payable.length > 0 ? (
          <div className="max-h-60 overflow-auto">
            <table className="w-full text-sm" aria-label="Invoices to mark as paid">
              <thead className="text-left text-xs text-fg-muted uppercase">
                <tr>
                  <th className="py-1 font-medium">Invoice</th>
                  <th className="py-1 text-right font-medium">Amount due</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {payable.map((i) => (
                  <tr key={i.id}>
                    <td className="py-1">{i.number ?? 'Draft'}</td>
                    <td className="py-1 text-right tabular-nums">{money(BigInt(i.balance), i.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <dl className="border-t border-border pt-2 text-sm font-medium" aria-label="Totals">
          {totalsByCurrency(payable).map(([currency, total]) => (
            <div key={currency} className="flex justify-between">
              <dt>Total {currency}</dt>
              <dd className="tabular-nums">{money(total, currency)}</dd>
            </div>
          ))}
        </dl>
        {nothingDue > 0 ? (
          <p className="text-sm text-fg-muted">
            {nothingDue === invoices.length
              ? 'None of the selected invoices has anything due.'
              : `${nothingDue} of the selected invoices ${nothingDue === 1 ? 'has' : 'have'} nothing due and ${nothingDue === 1 ? 'is' : 'are'} left as ${nothingDue === 1 ? 'it is' : 'they are'}.`}
          </p>
        ) : null}
        <FormSelect name="method" label="Payment method">
          {deskPaymentMethods.map((m) => (
            <option key={m} value={m}>
              {paymentMethodLabels[m]}
            </option>
          ))}
        </FormSelect>
        <FormText name="reference" label="Reference (optional)" hint="The same reference goes on every payment, e.g. a transfer's statement line." />
        <FormError />
        <DialogActions onCancel={onClose} pending={markPaid.isPending || payable.length === 0} submit={`Mark ${payable.length} as paid`} />
      </Form>
    </Dialog>
  );
}

/** What a bulk action did: how many went through, and each failure with its reason. */
function ResultDialog({ title, done, result, onClose }: { title: string; done: string; result: Result; onClose: () => void }) {
  const router = useRouter();
  const finish = () => (onClose(), router.refresh());
  return (
    <Dialog open onOpenChange={(o) => o || finish()} title={title} description={`${result.succeeded.length} ${done}, ${result.failed.length} failed.`}>
      {result.failed.length > 0 ? (
        <ul className="mb-4 max-h-60 space-y-1 overflow-auto text-sm" aria-label="Failed">
          {result.failed.map((f) => (
            <li key={f.id}>
              <span className="font-medium">{f.number ?? 'Draft'}</span>: {f.message}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex justify-end">
        <Button onClick={finish}>Done</Button>
      </div>
    </Dialog>
  );
}
