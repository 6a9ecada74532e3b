'use client';

import { Plus, Trash2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { parseMajor } from '@/server/billing/currency';
import { parseMilli } from '@/server/billing/decimal';
import { documentTotals, lineAmounts, type TaxMode } from '@/server/billing/totals';
import type { FieldErrors } from '@/server/errors';
import { useMoney } from '../../_components/money';
import { Button } from '../../_components/ui/button';
import { Dialog } from '../../_components/ui/dialog';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { humanize } from '../../_lib/format';

/**
 * A line as typed: quantity and tax rate as decimals, the unit price in major units, the period
 * as dates with both days included ('' for none). An existing line has its `id` (sent back, so the
 * server keeps what it bills) and says whether it bills a service's period (it cannot be removed).
 */
export type EditorLine = {
  id?: string;
  billsService?: boolean;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  periodStart?: string;
  periodEnd?: string;
  code?: string;
};
/** A line whose rate nobody typed shows the customer's rate, and follows it when the customer changes. */
type LineState = EditorLine & { defaultRate?: boolean };
/** What the editor holds, complete and ready to send. */
export type EditorDraft = { items: EditorItem[]; dueDate: string; notes: string | null };
export type EditorItem = {
  id?: string;
  description: string;
  quantity: string;
  unit_price: number;
  tax_rate: string;
  period_start: string | null;
  period_end: string | null;
  code: string | null;
};

const lineFields = ['description', 'quantity', 'unit_price', 'tax_rate', 'period_start', 'period_end', 'code'];

/**
 * The invoice line editor in a dialog, for a new invoice or an unpaid one: totals update as you
 * type, from the same billing code the server uses. `children` go above the lines (a customer
 * picker, for a new invoice). New lines start at `taxRate`, the customer's rate (its exemption or
 * override, else the settings'). With `confirm`, what the editor holds (a draft, or null while
 * incomplete, its problems shown as typed) goes to that instead of a save button: a dialog that
 * previews it on the server before saving.
 */
export function InvoiceEditor({
  title,
  description,
  submit,
  currency,
  taxMode,
  taxRate,
  initial,
  errors,
  pending,
  onClose,
  onSave,
  confirm,
  children,
}: {
  title: string;
  description: string;
  currency: string;
  taxMode: TaxMode;
  taxRate: string;
  initial: { lines: LineState[]; dueDate: string; notes: string };
  errors: FieldErrors;
  onClose: () => void;
  children?: ReactNode;
} & (
  | { submit: string; pending: boolean; onSave: (items: EditorItem[], dueDate: string, notes: string | null) => void; confirm?: undefined }
  | { confirm: (draft: EditorDraft | null) => ReactNode; submit?: undefined; pending?: undefined; onSave?: undefined }
)) {
  const money = useMoney();
  const [typed, setLines] = useState<LineState[]>(initial.lines);
  const lines = typed.map((l) => (l.defaultRate ? { ...l, taxRate } : l));
  const [dueDate, setDueDate] = useState(initial.dueDate);
  const [notes, setNotes] = useState(initial.notes);
  const [localErrors, setLocalErrors] = useState<FieldErrors>({});
  const parsed = lines.map((l) => ({ quantity: parseMilli(l.quantity), price: parseMajor(l.unitPrice, currency), rate: parseMilli(l.taxRate || '0') }));
  const valid = parsed.every((p) => p.quantity !== null && p.quantity > 0n && p.price !== null && p.rate !== null);
  const totals = valid
    ? documentTotals(parsed.map((p) => lineAmounts({ quantityMilli: p.quantity!, unitPrice: p.price!, taxRateMilli: p.rate! }, taxMode)))
    : null;
  const set = (index: number, key: keyof EditorLine, value: string) =>
    setLines((all) => all.map((l, i) => (i === index ? { ...l, ...(key === 'taxRate' ? { defaultRate: false } : {}), [key]: value } : l)));

  // What would be sent, or what stops it: checked as the server would, field by field.
  const problems: FieldErrors = {};
  parsed.forEach((p, i) => {
    if (!lines[i]!.description.trim()) problems[`items.${i}.description`] = 'is required';
    if (p.quantity === null || p.quantity <= 0n) problems[`items.${i}.quantity`] = 'must be greater than 0';
    if (p.price === null) problems[`items.${i}.unit_price`] = 'must be an amount';
    if (p.rate === null) problems[`items.${i}.tax_rate`] = 'must be a percent';
    const { periodStart, periodEnd } = lines[i]!;
    if (!periodStart !== !periodEnd) problems[`items.${i}.${periodStart ? 'period_end' : 'period_start'}`] = 'is required with the other end of the period';
    else if (periodStart && periodEnd && periodEnd < periodStart) problems[`items.${i}.period_end`] = 'must not be before the period start';
  });
  const draft: EditorDraft | null =
    Object.keys(problems).length > 0
      ? null
      : {
          items: lines.map((l, i) => ({
            ...(l.id ? { id: l.id } : {}),
            description: l.description,
            quantity: l.quantity,
            unit_price: Number(parsed[i]!.price),
            tax_rate: l.taxRate || '0',
            period_start: l.periodStart || null,
            period_end: l.periodEnd || null,
            code: l.code?.trim() || null,
          })),
          dueDate,
          notes: notes.trim() ? notes : null,
        };

  const shown = { ...(confirm ? problems : localErrors), ...errors };

  function save() {
    setLocalErrors(problems);
    if (draft) onSave!(draft.items, draft.dueDate, draft.notes);
  }

  return (
    <Dialog open onOpenChange={(o) => (o ? undefined : onClose())} title={title} description={description}>
      <div className="max-h-[45vh] space-y-3 overflow-y-auto pr-1">
        {children}
        <div className="grid grid-cols-12 gap-2 px-2 text-xs font-medium text-fg-muted" aria-hidden>
          <span className="col-span-3">Quantity</span>
          <span className="col-span-4">Unit price ({currency})</span>
          <span className="col-span-3">Tax %</span>
        </div>
        {lines.map((line, i) => (
          <fieldset key={i} className="grid grid-cols-12 gap-2 rounded-md border border-border p-2" aria-label={`Line ${i + 1}`}>
            <input
              aria-label={`Description ${i + 1}`}
              className={`${inputClass} col-span-12`}
              value={line.description}
              onChange={(e) => set(i, 'description', e.target.value)}
            />
            <input
              aria-label={`Quantity ${i + 1}`}
              className={`${inputClass} col-span-3`}
              value={line.quantity}
              onChange={(e) => set(i, 'quantity', e.target.value)}
            />
            <input
              aria-label={`Unit price ${i + 1}`}
              className={`${inputClass} col-span-4`}
              value={line.unitPrice}
              onChange={(e) => set(i, 'unitPrice', e.target.value)}
            />
            <input
              aria-label={`Tax rate ${i + 1}`}
              className={`${inputClass} col-span-3`}
              value={line.taxRate}
              onChange={(e) => set(i, 'taxRate', e.target.value)}
            />
            <button
              type="button"
              aria-label={`Remove line ${i + 1}`}
              className="col-span-2 flex items-center justify-center text-fg-muted hover:text-danger disabled:opacity-30"
              disabled={lines.length === 1 || line.billsService}
              title={line.billsService ? 'This line bills a service’s period, so it stays: change its price instead' : undefined}
              onClick={() => setLines((all) => all.filter((_, j) => j !== i))}
            >
              <Trash2 className="size-4" aria-hidden />
            </button>
            <LineInput label="Period from" index={i} type="date" value={line.periodStart ?? ''} onChange={(v) => set(i, 'periodStart', v)} />
            <LineInput label="Period to" index={i} type="date" value={line.periodEnd ?? ''} onChange={(v) => set(i, 'periodEnd', v)} />
            <LineInput label="Code (HSN/SAC)" name="Code" index={i} value={line.code ?? ''} onChange={(v) => set(i, 'code', v)} />
            {lineFields.map((k) =>
              shown[`items.${i}.${k}`] ? (
                <p key={k} role="alert" className="col-span-12 text-xs text-danger">
                  {humanize(k)} {shown[`items.${i}.${k}`]}
                </p>
              ) : null,
            )}
          </fieldset>
        ))}
        <Button variant="ghost" onClick={() => setLines((all) => [...all, { description: '', quantity: '1', unitPrice: '0', taxRate, defaultRate: true }])}>
          <Plus className="size-4" aria-hidden /> Add line
        </Button>
        <div className="grid grid-cols-2 gap-3">
          <Field label="Due date" name="due_date" error={shown.due_date}>
            <Input id="due_date" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
          <Field label="Notes (printed on the document)" name="notes" error={shown.notes}>
            <Input id="notes" value={notes} onChange={(e) => setNotes(e.target.value)} />
          </Field>
        </div>
        {shown.items ? (
          <p role="alert" className="text-sm text-danger">
            {shown.items}
          </p>
        ) : null}
      </div>
      <div className="mt-4 flex items-center justify-between border-t border-border pt-4">
        <div className="text-sm" data-testid="live-total">
          Total <strong className="tabular-nums">{totals ? money(totals.total, currency) : '—'}</strong>
        </div>
        {confirm ? null : (
          <div className="flex gap-2">
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button onClick={save} disabled={pending}>
              {submit}
            </Button>
          </div>
        )}
      </div>
      {confirm ? <div className="mt-3 space-y-3">{confirm(draft)}</div> : null}
    </Dialog>
  );
}

/** One of a line's optional fields, labelled above it ("Period from"), named with the line ("Period from 1"). */
function LineInput({
  label,
  name = label,
  index,
  value,
  onChange,
  type = 'text',
}: {
  label: string;
  name?: string;
  index: number;
  value: string;
  onChange: (value: string) => void;
  type?: string;
}) {
  return (
    <label className="col-span-4 space-y-0.5 text-xs text-fg-muted">
      <span>{label}</span>
      <input aria-label={`${name} ${index + 1}`} type={type} className={inputClass} value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}
