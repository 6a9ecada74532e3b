'use client';

import { useMutation } from '@tanstack/react-query';
import { BellRing } from 'lucide-react';
import { reminderTemplateNames, reminderTemplates, sendReminderInput } from '@/server/schemas/invoice-desk';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormError, FormSelect, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

/** Send reminder: an e-mail with the chosen wording (Admin → Email templates), queued and sent moments later. */
export function SendReminderDialog({ invoiceId, overdue, onClose }: { invoiceId: string; overdue: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const form = useZodForm(sendReminderInput, { template: overdue ? 'overdue' : 'friendly' });
  const remind = useMutation(
    trpc.invoiceDesk.sendReminder.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (r) => (renewKey(), finish(`${reminderTemplateNames[r.template]} queued`)),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Send reminder"
      description="By e-mail to the customer (a contract order’s billing contact when it has one). It shows under Notifications once sent."
    >
      <Form form={form} className="space-y-4" onSubmit={(v) => remind.mutate({ id: invoiceId, template: v.template, idempotencyKey })}>
        <FormSelect name="template" label="Template">
          {reminderTemplates.map((t) => (
            <option key={t} value={t}>
              {reminderTemplateNames[t]}
            </option>
          ))}
        </FormSelect>
        <FormError />
        <DialogActions
          onCancel={onClose}
          pending={remind.isPending}
          submit={
            <>
              <BellRing className="size-4" aria-hidden /> Send reminder
            </>
          }
        />
      </Form>
    </Dialog>
  );
}
