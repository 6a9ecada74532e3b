'use client';

import { useMutation } from '@tanstack/react-query';
import { orderLabelInput } from '@/server/schemas/orders';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

const labelForm = orderLabelInput.omit({ id: true });

export function AddLabelDialog({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(labelForm, { label: '' });
  const label = useMutation(trpc.orders.addLabel.mutationOptions({ onError: showFieldErrors(setFieldErrors(form)), onSuccess: () => finish('Label added') }));
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Add label">
      <Form form={form} className="grid gap-4" onSubmit={(v) => label.mutate({ id: orderId, label: v.label })}>
        <FormText name="label" label="Label" maxLength={40} placeholder="VIP" autoFocus />
        <DialogActions onCancel={onClose} pending={label.isPending} submit="Add label" />
      </Form>
    </Dialog>
  );
}
