'use client';

import { useMutation } from '@tanstack/react-query';
import { documentName, MoneyPreview } from '../../../../_components/console/money-preview';
import { useMoney } from '../../../../_components/money';
import { Button } from '../../../../_components/ui/button';
import { Dialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';
import { useLivePreview } from '../../../../_lib/use-live-preview';
import type { ActionCustomer } from '../customer-actions';

/** Merges the customer's open invoices in their currency into one, shown as the server's preview of that invoice first. */
export function ConsolidateDialog({ customer, onClose }: { customer: ActionCustomer; onClose: () => void }) {
  const format = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const ask = useMutation(trpc.invoices.consolidate.mutationOptions({ onError: toastError }));
  const consolidate = useMutation(
    trpc.invoices.consolidate.mutationOptions({ onError: toastError, onSuccess: (i) => finish(`Open invoices merged into ${i.number}`) }),
  );
  const request = { customerId: customer.id, currency: customer.currency };
  const preview = useLivePreview(request, (r) => ask.mutateAsync({ ...r, preview: true }));
  const parent = preview.result;
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Consolidate pending"
      description={`Every open ${customer.currency} invoice becomes one; the others are cancelled and point to it.`}
    >
      <div className="space-y-4">
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
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Keep them
          </Button>
          <Button onClick={() => consolidate.mutate(request)} disabled={consolidate.isPending || !parent}>
            Consolidate
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
