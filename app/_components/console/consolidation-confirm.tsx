'use client';

import { useMutation } from '@tanstack/react-query';
import type { InvoiceView } from '@/server/services/invoices/store';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';
import { useLivePreview } from '../../_lib/use-live-preview';
import { useMoney } from '../money';
import { Button } from '../ui/button';
import { documentName, MoneyPreview } from './money-preview';

/**
 * The end of a Consolidate pending dialog: the server's preview of the one invoice the
 * customer's open invoices become, and the Consolidate that confirms it. Without a customer
 * chosen yet, Consolidate asks for one (`onMissing`).
 */
export function ConsolidationConfirm({
  customer,
  cancel,
  onCancel,
  onMerged,
  onMissing,
}: {
  customer: { id: string; currency: string } | null;
  cancel: string;
  onCancel: () => void;
  onMerged: (invoice: InvoiceView) => void;
  onMissing?: () => void;
}) {
  const format = useMoney();
  const trpc = useTRPC();
  const ask = useMutation(trpc.invoices.consolidate.mutationOptions({ onError: toastError }));
  const consolidate = useMutation(trpc.invoices.consolidate.mutationOptions({ onError: toastError, onSuccess: onMerged }));
  const request = customer && { customerId: customer.id, currency: customer.currency };
  const preview = useLivePreview(request, (r) => ask.mutateAsync({ ...r, preview: true }));
  const parent = preview.result;
  return (
    <>
      {request ? (
        <MoneyPreview
          asking={preview.asking}
          idle="Nothing to consolidate."
          items={
            parent && [
              [
                documentName(parent.kind, parent.number),
                <span key="total" data-testid="preview-consolidated">
                  {format(parent.total, parent.currency)}
                </span>,
              ],
              ['To pay', format(parent.balance, parent.currency)],
              ['Due', parent.dueDate],
              ['Lines', String(parent.lines.length)],
            ]
          }
          note={parent?.notes}
        />
      ) : null}
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {cancel}
        </Button>
        <Button
          onClick={() => (request ? parent && consolidate.mutate(request) : onMissing?.())}
          disabled={consolidate.isPending || (request !== null && !parent)}
        >
          Consolidate
        </Button>
      </div>
    </>
  );
}
