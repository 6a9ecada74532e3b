'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { formatMinor } from '@/server/billing/currency';
import type { FieldErrors } from '@/server/errors';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import { InvoiceEditor } from '../../invoice-editor';
import type { ActionInvoice } from '../invoice-actions';

export function EditInvoiceDialog({ invoice, onClose }: { invoice: ActionInvoice; onClose: () => void }) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const update = useMutation(trpc.invoices.update.mutationOptions({ onError: showFieldErrors(setErrors), onSuccess: () => finish('Invoice updated') }));
  return (
    <InvoiceEditor
      title="Edit invoice"
      description="Unpaid invoices only; the number stays the same."
      submit="Save changes"
      currency={invoice.currency}
      taxMode={invoice.taxMode}
      initial={{
        lines: invoice.lines.map((l) => ({ ...l, unitPrice: formatMinor(BigInt(l.unitPrice), invoice.currency) })),
        dueDate: invoice.dueDate,
        notes: invoice.notes ?? '',
      }}
      errors={errors}
      pending={update.isPending}
      onClose={onClose}
      onSave={(items, dueDate, notes) => update.mutate({ id: invoice.id, items, due_date: dueDate, notes })}
    />
  );
}
