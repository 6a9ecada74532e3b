'use client';

import { useMutation } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { useState } from 'react';
import { z } from 'zod';
import { changeSeatsInput } from '@/server/schemas/orders';
import type { SeatChange } from '@/server/services/orders/change-seats';
import { useFormats, useMoney } from '../../../../_components/money';
import { Button } from '../../../../_components/ui/button';
import { Dialog } from '../../../../_components/ui/dialog';
import { Facts } from '../../../../_components/ui/facts';
import { Form, FormError, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';

// The server's own rule for the seats, read from the text the input holds.
const seatsForm = z.object({ quantity: z.preprocess((v) => (v === '' ? undefined : Number(v)), changeSeatsInput.shape.quantity) });

type SeatService = { id: string; name: string; quantity: number; currency: string };

/** Change seats on one service of an active order: preview what is billed or credited now, then confirm. */
export function ChangeSeats({ service }: { service: SeatService }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Change seats of ${service.name}`}>
        <Users className="size-4" aria-hidden /> Change seats
      </Button>
      {open ? <ChangeSeatsDialog service={service} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ChangeSeatsDialog({ service, onClose }: { service: SeatService; onClose: () => void }) {
  const trpc = useTRPC();
  const format = useMoney();
  const money = (amount: bigint) => format(amount, service.currency);
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const [preview, setPreview] = useState<SeatChange | null>(null);
  const form = useZodForm(seatsForm, { quantity: String(service.quantity) });
  const change = useMutation(trpc.orders.changeSeats.mutationOptions({ onError: showFieldErrors(setFieldErrors(form)) }));
  const send = (quantity: number, confirm: boolean) =>
    change.mutate(
      { serviceId: service.id, quantity, preview: !confirm, idempotencyKey },
      {
        onSuccess: (result) => {
          if (!confirm) return setPreview(result);
          renewKey();
          finish(
            result.invoiceId
              ? `Seats changed to ${result.quantity}; ${money(result.total)} invoiced now`
              : result.creditNoteId
                ? `Seats changed to ${result.quantity}; ${money(result.total)} credited now`
                : `Seats changed to ${result.quantity}; the next invoice bills them`,
          );
        },
      },
    );

  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title={`Change seats: ${service.name}`}
      description="The price per seat stays. The rest of the invoiced period is billed (more seats) or credited (fewer) at once; later periods bill the new seats."
    >
      <Form form={form} className="grid gap-4" onSubmit={(v) => send(v.quantity, false)}>
        {/* Another number makes the preview stale: it has to be previewed again before confirming. */}
        <FormText name="quantity" label="Seats" type="number" inputMode="numeric" min={1} step={1} rules={{ onChange: () => setPreview(null) }} />
        <FormError />
        {preview ? <SeatPreview preview={preview} money={money} /> : null}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" variant={preview ? 'secondary' : 'primary'} disabled={change.isPending}>
            Preview
          </Button>
          <Button onClick={() => preview && send(preview.quantity, true)} disabled={change.isPending || !preview}>
            Confirm
          </Button>
        </div>
      </Form>
    </Dialog>
  );
}

function SeatPreview({ preview, money }: { preview: SeatChange; money: (amount: bigint) => string }) {
  const formats = useFormats();
  const now =
    preview.charge > 0n
      ? (['To invoice now', money(preview.total)] as const)
      : preview.credit > 0n
        ? (['To credit now', money(preview.total)] as const)
        : (['Now', 'Nothing billed or credited'] as const);
  return (
    <div className="rounded-md bg-muted p-3 text-sm" aria-label="Seat change preview">
      <Facts
        className="grid grid-cols-2 gap-x-6 gap-y-2"
        valueClassName="font-medium tabular-nums"
        items={[
          ['Seats', `${preview.previousQuantity} → ${preview.quantity}`],
          ['Price per seat', money(preview.unitPrice)],
          [
            'New price per period',
            <span key="price" data-testid="seats-new-price">
              {money(preview.price)}
            </span>,
          ],
          [
            now[0],
            <span key="now" data-testid="seats-now">
              {now[1]}
            </span>,
          ],
        ]}
      />
      <p className="mt-2 text-fg-muted">
        {preview.periodStart && preview.periodEnd
          ? `Prorated for ${preview.unusedDays} of ${preview.periodDays} days of the invoiced period ${formats.day(preview.periodStart)} – ${formats.day(preview.periodEnd)}.`
          : 'The current period is not invoiced yet: its invoice will bill the new seats.'}
        {preview.prorate < 0n && preview.credit < -preview.prorate ? ' The credit is limited to what was paid for this period.' : ''}
      </p>
    </div>
  );
}
