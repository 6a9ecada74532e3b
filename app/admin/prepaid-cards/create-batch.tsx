'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { z } from 'zod';
import { isCurrency, parseMajor } from '@/server/billing/currency';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

// Typed as text; the server's schema (createVoucherBatchInput) checks it and answers per field.
const batchForm = z.object({ name: z.string(), value: z.string(), currency: z.string(), expires_on: z.string(), count: z.string() });
const blank = { name: '', value: '', currency: '', expires_on: '', count: '' };

/** "New batch": value, currency, expiry and how many cards; opens the new batch's page. */
export function CreateBatch() {
  const [open, setOpen] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(batchForm, blank);
  const create = useMutation(
    trpc.vouchers.createBatch.mutationOptions({
      onSuccess(batch) {
        toast.success(`${batch.count} prepaid cards generated`);
        setOpen(false);
        router.push(`/admin/prepaid-cards/${batch.id}`);
      },
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        New batch
      </Button>
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title="New batch of prepaid cards"
        description="Every card of the batch is worth the same and expires the same day."
      >
        <Form
          form={form}
          onSubmit={(v) => {
            const currency = v.currency.trim().toUpperCase();
            // The value is typed in the currency's major unit ("25.00"), read exactly into minor units.
            const value = isCurrency(currency) ? parseMajor(v.value, currency) : null;
            if (value === null) return setFieldErrors(form)({ value: 'must be an amount in the batch’s currency, like 25.00' });
            create.mutate({ name: v.name, value: Number(value), currency, expires_on: v.expires_on, count: Number(v.count) });
          }}
          className="space-y-4"
        >
          <FormText name="name" label="Batch name (optional)" placeholder="e.g. Shop counter, March" autoFocus />
          <div className="grid gap-4 sm:grid-cols-2">
            <FormText name="value" label="Value per card" inputMode="decimal" placeholder="25.00" />
            <FormText name="currency" label="Currency" maxLength={3} placeholder="USD" />
            <FormText name="expires_on" label="Expires on" type="date" hint="The last day a card can be redeemed" />
            <FormText name="count" label="Number of cards" inputMode="numeric" hint="Up to 1000" />
          </div>
          <FormError />
          <DialogActions onCancel={() => setOpen(false)} pending={create.isPending} submit={create.isPending ? 'Generating…' : 'Generate cards'} />
        </Form>
      </Dialog>
    </>
  );
}
