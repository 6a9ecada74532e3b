'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMinor } from '@/server/billing/currency';
import type { FieldErrors } from '@/server/errors';
import type { InvoiceView } from '@/server/services/invoices/store';
import { documentName, MoneyPreview } from '../../../../_components/console/money-preview';
import { useMoney } from '../../../../_components/money';
import { Button } from '../../../../_components/ui/button';
import { Field, Input } from '../../../../_components/ui/field';
import { addressFields } from '../../../../_lib/address-form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import { useLivePreview } from '../../../../_lib/use-live-preview';
import { InvoiceEditor, type EditorDraft, type EditorItem } from '../../invoice-editor';
import type { ActionInvoice } from '../invoice-actions';

/** The addressee as typed; the address's parts are '' when empty. */
type AddresseeForm = {
  name: string;
  company: string;
  tax_id: string;
  place_of_supply: string;
  line1: string;
  line2: string;
  city: string;
  region: string;
  postal_code: string;
  country: string;
};

const addressParts = ['line1', 'line2', 'city', 'region', 'postal_code', 'country'] as const;

function addresseeForm(addressee: ActionInvoice['addressee']): AddresseeForm {
  return {
    name: addressee.name,
    company: addressee.company ?? '',
    tax_id: addressee.taxId ?? '',
    place_of_supply: addressee.placeOfSupply ?? '',
    ...addressFields(addressee.billingAddress),
  };
}

/**
 * What changed in the addressee, as the partial `customer_snapshot` PATCH takes: only fields
 * edited are sent (an emptied one is removed), the address whole or, emptied, as null.
 */
function addresseeChanges(initial: AddresseeForm, now: AddresseeForm) {
  const changes: Record<string, unknown> = {};
  for (const key of ['name', 'company', 'tax_id', 'place_of_supply'] as const) {
    if (now[key] !== initial[key]) changes[key] = now[key];
  }
  if (addressParts.some((key) => now[key] !== initial[key])) {
    changes.billing_address = addressParts.every((key) => !now[key].trim()) ? null : Object.fromEntries(addressParts.map((key) => [key, now[key]]));
  }
  return Object.keys(changes).length > 0 ? changes : undefined;
}

export function EditInvoiceDialog({ invoice, onClose }: { invoice: ActionInvoice; onClose: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [poNumber, setPoNumber] = useState(invoice.poNumber ?? '');
  const [initialAddressee] = useState(() => addresseeForm(invoice.addressee));
  const [addressee, setAddressee] = useState(initialAddressee);
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const update = useMutation(trpc.invoices.update.mutationOptions({ onError: showFieldErrors(setErrors), onSuccess: () => finish('Invoice updated') }));
  const ask = useMutation(trpc.invoices.update.mutationOptions({ onError: showFieldErrors(setErrors), onSuccess: () => setErrors({}) }));
  const requestOf = (draft: EditorDraft | null): EditRequest | null =>
    draft && {
      id: invoice.id,
      items: draft.items,
      due_date: draft.dueDate,
      notes: draft.notes,
      po_number: poNumber,
      // A draft is addressed to the customer as it is until it is numbered.
      ...(invoice.numbered ? { customer_snapshot: addresseeChanges(initialAddressee, addressee) } : {}),
    };
  const field = (key: keyof AddresseeForm, label: string, error?: string) => (
    <Field label={label} name={`addressee_${key}`} error={error ?? errors[`customer_snapshot.${key}`]}>
      <Input id={`addressee_${key}`} value={addressee[key]} onChange={(e) => setAddressee((all) => ({ ...all, [key]: e.target.value }))} />
    </Field>
  );
  const addressError = (key: string) => errors[`customer_snapshot.billing_address.${key}`];
  return (
    <InvoiceEditor
      title="Edit invoice"
      description="Unpaid invoices only; the number stays the same."
      currency={invoice.currency}
      taxMode={invoice.taxMode}
      taxRate={invoice.newLineTaxRate}
      initial={{
        lines: invoice.lines.map((l) => ({ ...l, unitPrice: formatMinor(BigInt(l.unitPrice), invoice.currency) })),
        dueDate: invoice.dueDate,
        notes: invoice.notes ?? '',
      }}
      errors={errors}
      onClose={onClose}
      confirm={(draft) => (
        <EditPreview
          currency={invoice.currency}
          owed={BigInt(invoice.balance)}
          request={requestOf(draft)}
          ask={(request) => ask.mutateAsync({ ...request, preview: true })}
          pending={update.isPending}
          onCancel={onClose}
          onConfirm={(request) => update.mutate(request)}
        />
      )}
    >
      <Field label="PO / contract number" name="po_number" error={errors.po_number}>
        <Input id="po_number" value={poNumber} onChange={(e) => setPoNumber(e.target.value)} />
      </Field>
      {invoice.numbered ? (
        <fieldset className="space-y-3 rounded-md border border-border p-3" aria-label="Addressee">
          <legend className="px-1 text-sm font-medium">Addressee</legend>
          <p className="text-xs text-fg-muted">As printed on this invoice since it was numbered; the customer record stays as it is.</p>
          <div className="grid grid-cols-2 gap-3">
            {field('name', 'Name')}
            {field('company', 'Company')}
            {field('tax_id', 'Tax ID / GSTIN')}
            {field('place_of_supply', 'Place of supply')}
            {field('line1', 'Address line 1', addressError('line1'))}
            {field('line2', 'Address line 2', addressError('line2'))}
            {field('city', 'City', addressError('city'))}
            {field('region', 'Region / state', addressError('region'))}
            {field('postal_code', 'Postal code', addressError('postal_code'))}
            {field('country', 'Country (2 letters)', addressError('country'))}
          </div>
          {errors.customer_snapshot ? (
            <p role="alert" className="text-xs text-danger">
              {errors.customer_snapshot}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </InvoiceEditor>
  );
}

type EditRequest = {
  id: string;
  items: EditorItem[];
  due_date: string;
  notes: string | null;
  po_number: string;
  customer_snapshot?: Record<string, unknown> | undefined;
};

/** The server's preview of the edit (the invoice as it would be), and the Save changes that confirms exactly it. */
function EditPreview({
  currency,
  owed,
  request,
  ask,
  pending,
  onCancel,
  onConfirm,
}: {
  currency: string;
  /** What the invoice asks now: its total, since an invoice is editable only while nothing is paid. */
  owed: bigint;
  request: EditRequest | null;
  ask: (request: EditRequest) => Promise<InvoiceView>;
  pending: boolean;
  onCancel: () => void;
  onConfirm: (request: EditRequest) => void;
}) {
  const format = useMoney();
  const money = (amount: bigint) => format(amount, currency);
  const preview = useLivePreview(request, ask);
  const after = preview.result;
  return (
    <>
      <MoneyPreview
        asking={preview.asking}
        items={
          after && [
            [
              documentName(after.kind, after.number),
              <span key="total" data-testid="preview-total">
                {`${money(owed)} → ${money(after.total)}`}
              </span>,
            ],
            ['Tax', money(after.taxTotal)],
            ['Due', after.dueDate],
          ]
        }
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => request && after && onConfirm(request)} disabled={pending || (request !== null && !after)}>
          Save changes
        </Button>
      </div>
    </>
  );
}
