'use client';

import { useMutation } from '@tanstack/react-query';
import { trimDecimal } from '@/server/billing/decimal';
import { updateCustomerInput } from '@/server/schemas/customers';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormCheckbox, FormError, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

// The server's own rules, so a rate like 101 or "abc" is answered under its field before the round trip.
const taxForm = updateCustomerInput.pick({ tax_exempt: true, tax_rate_override: true });

/** Sets a customer's tax defaults: exempt, or a rate overriding the settings' (empty clears it). */
export function TaxDefaultsDialog({
  customer,
  settingsRate,
  onClose,
}: {
  customer: { id: string; taxExempt: boolean; taxRateOverride: string | null };
  settingsRate: string;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(taxForm, {
    tax_exempt: customer.taxExempt,
    tax_rate_override: customer.taxRateOverride === null ? '' : trimDecimal(customer.taxRateOverride),
  });
  const update = useMutation(
    trpc.customers.update.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: () => finish('Tax defaults saved'),
    }),
  );
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Edit tax defaults"
      description="New invoices and the billing run use them for this customer’s lines; issued invoices keep their rates."
    >
      <Form
        form={form}
        className="space-y-4"
        onSubmit={(v) => update.mutate({ id: customer.id, tax_exempt: v.tax_exempt ?? false, tax_rate_override: v.tax_rate_override ?? null })}
      >
        <FormCheckbox name="tax_exempt">Tax exempt</FormCheckbox>
        <FormText
          name="tax_rate_override"
          label="Tax rate override (%)"
          inputMode="decimal"
          placeholder={settingsRate}
          hint={`A percent like 7.5. Empty: the settings’ rate (${settingsRate} %). Not used while the customer is tax exempt.`}
          autoFocus
        />
        <FormError />
        <DialogActions onCancel={onClose} pending={update.isPending} submit="Save" />
      </Form>
    </Dialog>
  );
}
