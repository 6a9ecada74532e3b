'use client';

import { useMutation } from '@tanstack/react-query';
import type { ManualStatus } from '@/server/billing/invoice-desk';
import { changeInvoiceStatusInput } from '@/server/schemas/invoice-desk';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormSelect, FormTextarea, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

const statusNames: Record<ManualStatus, string> = {
  pending: 'Pending (not overdue)',
  partial: 'Partly paid (not overdue)',
  overdue: 'Overdue',
  cancelled: 'Cancelled',
};

/** Change status: only the moves the rules allow for this invoice today, each with a reason. */
export function ChangeStatusDialog({ invoiceId, targets, onClose }: { invoiceId: string; targets: ManualStatus[]; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(changeInvoiceStatusInput, { status: targets[0], reason: '' });
  const change = useMutation(
    trpc.invoiceDesk.changeStatus.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (invoice) => finish(`Invoice is now ${invoice.status}`),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Change status"
      description="No money moves: record payments with Add payment or Mark as paid. The reason goes into the history."
    >
      <Form form={form} className="space-y-4" onSubmit={(v) => change.mutate({ id: invoiceId, ...v })}>
        <FormSelect name="status" label="New status">
          {targets.map((status) => (
            <option key={status} value={status}>
              {statusNames[status]}
            </option>
          ))}
        </FormSelect>
        <FormTextarea name="reason" label="Reason" rows={3} placeholder="e.g. The customer agreed to pay by the end of the month" />
        <FormError />
        <DialogActions onCancel={onClose} pending={change.isPending} submit="Change status" />
      </Form>
    </Dialog>
  );
}
