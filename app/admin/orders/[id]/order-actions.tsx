'use client';

import { useMutation } from '@tanstack/react-query';
import { BadgeCheck, CreditCard, PencilLine, Tag, Wallet, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { formatMinor, parseMajor } from '@/server/billing/currency';
import type { OrderStatus } from '@/server/billing/order-status';
import type { FieldErrors } from '@/server/errors';
import { type PaymentMethod, paymentMethods } from '@/server/schemas/invoices';
import { Button, buttonClass } from '../../../_components/ui/button';
import { Dialog, DialogActions } from '../../../_components/ui/dialog';
import { Field, Input, inputClass } from '../../../_components/ui/field';
import { humanize } from '../../../_lib/format';
import { useTRPC } from '../../../_lib/trpc';
import { useMoney } from '../../../_components/money';
import { showFieldErrors } from '../../../_lib/form-errors';

type Line = { id: string; description: string; unitPrice: bigint; quantity: string };
type OrderSummary = {
  id: string;
  status: OrderStatus;
  awaitingApproval: boolean;
  paymentMethod: string | null;
  currency: string;
  lines: Line[];
  labels: string[];
};
type Open = OrderStatus | 'approve' | 'method' | 'price' | 'label' | null;

/**
 * Everything the desk does to an order: approve, change status (only what the state machine
 * allows), pay, change payment method, edit price, and labels.
 */
export function OrderActions({
  order,
  transitions,
  payHref,
  firstInvoicePaid,
}: {
  order: OrderSummary;
  transitions: OrderStatus[];
  payHref: string | null;
  firstInvoicePaid: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [lineId, setLineId] = useState(order.lines[0]?.id ?? '');
  const money = useMoney();
  const router = useRouter();
  const trpc = useTRPC();
  const close = () => (setOpen(null), setErrors({}));
  const finish = (message: string) => {
    toast.success(message);
    close();
    router.refresh();
  };
  const onError = showFieldErrors(setErrors);
  const approve = useMutation(trpc.orders.approve.mutationOptions({ onError, onSuccess: () => finish('Order approved; it is live') }));
  const change = useMutation(trpc.orders.changeStatus.mutationOptions({ onError, onSuccess: (o) => finish(`Order is now ${o.status}`) }));
  const method = useMutation(trpc.orders.changePaymentMethod.mutationOptions({ onError, onSuccess: (o) => finish(`Payment method is now ${humanize(o.paymentMethod ?? '')}`) }));
  const label = useMutation(trpc.orders.addLabel.mutationOptions({ onError, onSuccess: () => finish('Label added') }));
  const unlabel = useMutation(trpc.orders.removeLabel.mutationOptions({ onError, onSuccess: () => finish('Label removed') }));
  const price = useMutation(
    trpc.orders.editPrice.mutationOptions({
      onError,
      onSuccess: (result) =>
        finish(
          result.document === 'invoice_edited'
            ? 'Price changed; the unpaid invoice now bills it'
            : result.document === 'debit_note'
              ? 'Price raised; a debit note bills the difference'
              : 'Price cut; a credit note returns the difference',
        ),
    }),
  );
  const line = order.lines.find((l) => l.id === lineId);
  const statusTarget = open && !['approve', 'method', 'price', 'label'].includes(open) ? (open as OrderStatus) : null;

  function submitPrice(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = parseMajor(String(form.get('unit_price') ?? ''), order.currency);
    if (amount === null || amount < 0n) return setErrors({ unit_price: `must be an amount like 12.50 in ${order.currency}` });
    const reason = String(form.get('reason') ?? '').trim();
    if (!reason) return setErrors({ reason: 'is required' });
    price.mutate({ id: order.id, line_id: lineId, unit_price: Number(amount), reason });
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Order actions">
        {order.status === 'pending' ? (
          <Button onClick={() => setOpen('approve')}>
            <BadgeCheck className="size-4" aria-hidden /> Approve
          </Button>
        ) : null}
        {payHref ? (
          <Link href={payHref} className={buttonClass('secondary')}>
            <CreditCard className="size-4" aria-hidden /> Pay
          </Link>
        ) : null}
        {transitions.length > 0 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-fg-muted">Change status</span>
            <select aria-label="Change status" className="h-9 rounded-md border border-border bg-surface px-2 text-sm" value="" onChange={(e) => setOpen(e.target.value as OrderStatus)}>
              <option value="" disabled>
                Choose…
              </option>
              {transitions.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {order.lines.length > 0 ? (
          <Button variant="secondary" onClick={() => setOpen('price')}>
            <PencilLine className="size-4" aria-hidden /> Edit price
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => setOpen('method')}>
          <Wallet className="size-4" aria-hidden /> Change payment method
        </Button>
        <Button variant="secondary" onClick={() => setOpen('label')}>
          <Tag className="size-4" aria-hidden /> Add label
        </Button>
      </div>

      {order.labels.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Labels">
          {order.labels.map((l) => (
            <li key={l} className="flex items-center gap-1 rounded-full bg-accent/10 py-0.5 pr-1 pl-2.5 text-xs font-medium text-accent">
              {l}
              <button type="button" aria-label={`Remove label ${l}`} className="rounded-full p-0.5 hover:bg-accent/20" disabled={unlabel.isPending} onClick={() => unlabel.mutate({ id: order.id, label: l })}>
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <Dialog
        open={open === 'approve' || statusTarget !== null}
        onOpenChange={(o) => (o ? undefined : close())}
        title={open === 'approve' ? 'Approve order' : `Make the order ${statusTarget}`}
        description={open === 'approve' ? 'The order and its services go live now, paid or not.' : 'Its services follow: suspended, reactivated, cancelled or terminated with it.'}
      >
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={close}>
            Keep it
          </Button>
          <Button
            disabled={approve.isPending || change.isPending}
            onClick={() => (open === 'approve' ? approve.mutate({ id: order.id }) : statusTarget && change.mutate({ id: order.id, status: statusTarget }))}
          >
            Confirm
          </Button>
        </div>
      </Dialog>

      <Dialog open={open === 'method'} onOpenChange={(o) => (o ? undefined : close())} title="Change payment method" description="How the customer will pay this order’s invoices.">
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            method.mutate({ id: order.id, payment_method: String(new FormData(e.currentTarget).get('payment_method')) as PaymentMethod });
          }}
        >
          <Field label="Payment method" name="payment_method" error={errors.payment_method}>
            <select id="payment_method" name="payment_method" className={inputClass} defaultValue={order.paymentMethod ?? 'bank_transfer'}>
              {paymentMethods.map((m) => (
                <option key={m} value={m}>
                  {humanize(m)}
                </option>
              ))}
            </select>
          </Field>
          <DialogActions onCancel={close} pending={method.isPending} submit="Change method" />
        </form>
      </Dialog>

      <Dialog
        open={open === 'price'}
        onOpenChange={(o) => (o ? undefined : close())}
        title="Edit price"
        description={
          firstInvoicePaid
            ? 'The first invoice is paid: a debit note bills a rise, a credit note returns a cut. Renewals bill the new price.'
            : 'The unpaid first invoice is edited to the new price (its number stays). Renewals bill the new price.'
        }
      >
        <form className="grid gap-4" onSubmit={submitPrice} noValidate>
          <Field label="Line" name="line_id" error={errors.line_id}>
            <select id="line_id" className={inputClass} value={lineId} onChange={(e) => setLineId(e.target.value)}>
              {order.lines.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.description} — {money(l.unitPrice, order.currency)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={`New price per unit and cycle (${order.currency})`} name="unit_price" error={errors.unit_price}>
            <Input
              id="unit_price"
              name="unit_price"
              inputMode="decimal"
              key={lineId}
              defaultValue={line ? formatMinor(line.unitPrice, order.currency) : ''}
              aria-invalid={errors.unit_price ? true : undefined}
            />
          </Field>
          <Field label="Reason" name="reason" error={errors.reason} hint="Shown on the credit or debit note, and in the log.">
            <Input id="reason" name="reason" aria-invalid={errors.reason ? true : undefined} />
          </Field>
          <DialogActions onCancel={close} pending={price.isPending} submit="Change price" />
        </form>
      </Dialog>

      <Dialog open={open === 'label'} onOpenChange={(o) => (o ? undefined : close())} title="Add label">
        <form
          className="grid gap-4"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            const text = String(new FormData(e.currentTarget).get('label') ?? '').trim();
            if (!text) return setErrors({ label: 'is required' });
            label.mutate({ id: order.id, label: text });
          }}
        >
          <Field label="Label" name="label" error={errors.label}>
            <Input id="label" name="label" maxLength={40} placeholder="VIP" autoFocus aria-invalid={errors.label ? true : undefined} />
          </Field>
          <DialogActions onCancel={close} pending={label.isPending} submit="Add label" />
        </form>
      </Dialog>
    </div>
  );
}

/** For a service set up by hand: the admin says it is done; the order goes live once nothing waits. */
export function MarkProvisioned({ serviceId }: { serviceId: string }) {
  const router = useRouter();
  const trpc = useTRPC();
  const mark = useMutation(
    trpc.orders.markServiceProvisioned.mutationOptions({
      onSuccess: (r) => (toast.success(r.orderActive ? 'Provisioned; the order is live' : 'Provisioned; other services still wait'), router.refresh()),
      onError: (error) => toast.error(error.message),
    }),
  );
  return (
    <Button variant="secondary" className="ml-2 h-7 px-2 text-xs" disabled={mark.isPending} onClick={() => mark.mutate({ id: serviceId })}>
      Mark provisioned
    </Button>
  );
}
