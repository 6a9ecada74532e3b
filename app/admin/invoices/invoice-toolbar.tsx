'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { FilePlus2, Merge } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { CustomerTaxDefaults } from '@/server/billing/tax-defaults';
import type { TaxMode } from '@/server/billing/totals';
import type { FieldErrors } from '@/server/errors';
import type { InvoiceView } from '@/server/services/invoices/store';
import type { ConsoleBase } from '../../_components/console/base-path';
import { ConsolidationConfirm } from '../../_components/console/consolidation-confirm';
import { Button } from '../../_components/ui/button';
import { Dialog } from '../../_components/ui/dialog';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { customerRateText } from '../../_lib/customer-tax';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { InvoiceEditor } from './invoice-editor';

export type PickedCustomer = { id: string; name: string; email: string; currency: string } & CustomerTaxDefaults;

/**
 * Find a customer by name or e-mail and pick one, by mouse or from the keyboard (a combobox:
 * ↓/↑ move through the matches, Enter picks); large books never load a full
 * list (also the order wizard's).
 */
export function CustomerPicker({
  picked,
  onPick,
  error,
}: {
  picked: PickedCustomer | null;
  onPick: (customer: PickedCustomer | null) => void;
  error?: string | undefined;
}) {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(-1);
  const trpc = useTRPC();
  const found = useQuery({ ...trpc.customers.list.queryOptions({ q, limit: 8 }), enabled: q.trim().length >= 2 && !picked });
  if (picked) {
    return (
      <div className="flex items-center justify-between rounded-md border border-border px-3 py-2 text-sm" data-testid="picked-customer">
        <span>
          <span className="font-medium">{picked.name}</span> <span className="text-fg-muted">· {picked.email}</span>
        </span>
        <Button variant="ghost" className="h-7 px-2" onClick={() => onPick(null)}>
          Change
        </Button>
      </div>
    );
  }
  const matches = found.data?.items ?? [];
  const pick = (c: (typeof matches)[number]) =>
    onPick({ id: c.id, name: c.name, email: c.email, currency: c.currency, taxExempt: c.taxExempt, taxRateOverride: c.taxRateOverride });
  const optionId = (i: number) => `customer-option-${i}`;
  return (
    <Field label="Customer" name="customer-search" error={error}>
      <Input
        id="customer-search"
        role="combobox"
        aria-expanded={found.data !== undefined}
        aria-controls="customer-options"
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 && active < matches.length ? optionId(active) : undefined}
        placeholder="Name or e-mail"
        autoComplete="off"
        autoFocus
        value={q}
        onChange={(e) => (setQ(e.target.value), setActive(-1))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            if (matches.length > 0) setActive((i) => (e.key === 'ArrowDown' ? (i + 1) % matches.length : (i - 1 + matches.length) % matches.length));
          } else if (e.key === 'Enter') {
            // Enter in the search picks; it never submits the dialog's form half filled.
            e.preventDefault();
            const chosen = matches[active] ?? (matches.length === 1 ? matches[0] : undefined);
            if (chosen) pick(chosen);
          }
        }}
        aria-invalid={error ? true : undefined}
      />
      {found.data ? (
        <ul id="customer-options" role="listbox" className="mt-1 max-h-48 overflow-auto rounded-md border border-border" aria-label="Matching customers">
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={`cursor-pointer px-3 py-1.5 text-sm hover:bg-muted ${i === active ? 'bg-muted' : ''}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(c)}
            >
              {c.name} <span className="text-fg-muted">· {c.email}</span>
            </li>
          ))}
          {matches.length === 0 ? (
            <li role="presentation" className="px-3 py-1.5 text-sm text-fg-muted">
              No customer matches.
            </li>
          ) : null}
        </ul>
      ) : null}
    </Field>
  );
}

/** The invoice list's toolbar: a new invoice by hand, and merging a customer's open invoices. */
export function InvoiceToolbar({ basePath, taxMode, taxRate, dueDate }: { basePath: ConsoleBase; taxMode: TaxMode; taxRate: string; dueDate: string }) {
  const [open, setOpen] = useState<'create' | 'consolidate' | null>(null);
  const [customer, setCustomer] = useState<PickedCustomer | null>(null);
  const [kind, setKind] = useState<'invoice' | 'proforma'>('invoice');
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const close = () => (setOpen(null), setCustomer(null), setKind('invoice'), setErrors({}));
  const onError = showFieldErrors(setErrors);
  const create = useMutation(
    trpc.invoices.create.mutationOptions({
      onError,
      onSuccess: (invoice) => {
        toast.success(`${invoice.kind === 'proforma' ? 'Proforma' : 'Invoice'} ${invoice.number} created`);
        close();
        router.push(`${basePath}/invoices/${invoice.id}`);
      },
    }),
  );
  const merged = (invoice: InvoiceView) => {
    toast.success(`Open invoices merged into ${invoice.number}`);
    close();
    router.push(`${basePath}/invoices/${invoice.id}`);
  };

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen('consolidate')}>
        <Merge className="size-4" aria-hidden /> Consolidate pending
      </Button>
      <Button onClick={() => setOpen('create')}>
        <FilePlus2 className="size-4" aria-hidden /> Create invoice
      </Button>
      {open === 'create' ? (
        <InvoiceEditor
          title="Create invoice"
          description="It is numbered and payable at once, in the customer’s currency."
          submit="Create invoice"
          currency={customer?.currency ?? 'USD'}
          taxMode={taxMode}
          taxRate={customer ? customerRateText(taxRate, customer) : taxRate}
          initial={{ lines: [{ description: '', quantity: '1', unitPrice: '', taxRate, defaultRate: true }], dueDate, notes: '' }}
          errors={errors}
          pending={create.isPending}
          onClose={close}
          onSave={(items, dueDate, notes) => {
            if (!customer) return setErrors({ customer_id: 'choose the customer to bill' });
            create.mutate({ customer_id: customer.id, kind, currency: customer.currency, items, due_date: dueDate, ...(notes ? { notes } : {}) });
          }}
        >
          <Field label="Document" name="kind" hint="A proforma has its own numbers and is no tax invoice; paid in full, it becomes a paid invoice.">
            <select id="kind" className={inputClass} value={kind} onChange={(e) => setKind(e.target.value === 'proforma' ? 'proforma' : 'invoice')}>
              <option value="invoice">Invoice</option>
              <option value="proforma">Proforma</option>
            </select>
          </Field>
          <CustomerPicker picked={customer} onPick={setCustomer} error={errors.customer_id} />
        </InvoiceEditor>
      ) : null}
      <Dialog
        open={open === 'consolidate'}
        onOpenChange={(o) => (o ? undefined : close())}
        title="Consolidate pending"
        description="Every open invoice of the customer, in their currency, becomes one; the others are cancelled and point to it."
      >
        <div className="grid gap-4">
          <CustomerPicker picked={customer} onPick={setCustomer} error={errors.customer_id} />
          <ConsolidationConfirm
            customer={customer}
            cancel="Cancel"
            onCancel={close}
            onMerged={merged}
            onMissing={() => setErrors({ customer_id: 'choose whose invoices to merge' })}
          />
        </div>
      </Dialog>
    </>
  );
}
