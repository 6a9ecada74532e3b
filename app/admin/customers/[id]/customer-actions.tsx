'use client';

import { useMutation } from '@tanstack/react-query';
import { ArrowRightLeft, Coins, Layers, Zap } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { currencyExponent, parseMajor } from '@/server/billing/currency';
import type { FieldErrors } from '@/server/errors';
import { Button } from '../../../_components/ui/button';
import { Dialog, DialogActions } from '../../../_components/ui/dialog';
import { Field, Input, inputClass } from '../../../_components/ui/field';
import { useTRPC } from '../../../_lib/trpc';
import { useMoney } from '../../../_components/money';
import { showFieldErrors } from '../../../_lib/form-errors';
import { useIdempotencyKey } from '../../../_lib/idempotency-key';

type Open = null | 'credit' | 'quickpay' | 'consolidate';

/** Adjust credit, pay everything owed in one click, merge open invoices. */
export function CustomerActions({
  customer,
  canEditInvoices,
  canEditCustomer,
}: {
  customer: { id: string; currency: string; owed: string; credit: string };
  canEditInvoices: boolean;
  canEditCustomer: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const money = useMoney();
  const router = useRouter();
  const trpc = useTRPC();
  const owed = BigInt(customer.owed);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const done = (message: string) => {
    renewKey();
    toast.success(message);
    setOpen(null);
    setErrors({});
    router.refresh();
  };
  const onError = showFieldErrors(setErrors);
  const adjust = useMutation(trpc.customers.adjustCredit.mutationOptions({ onError, onSuccess: (e) => done(`Credit balance is now ${money(e.balance, e.currency)}`) }));
  const pay = useMutation(trpc.customers.quickPay.mutationOptions({ onError, onSuccess: (r) => done(`${r.paid} invoice(s) paid, ${money(r.amount, customer.currency)} in all`) }));
  const consolidate = useMutation(trpc.invoices.consolidate.mutationOptions({ onError, onSuccess: (i) => done(`Open invoices merged into ${i.number}`) }));

  function submitCredit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const amount = parseMajor(String(form.get('amount') ?? ''), customer.currency);
    if (amount === null || amount === 0n) {
      setErrors({ amount: `must be a non-zero amount with at most ${currencyExponent(customer.currency)} decimals (negative takes credit away)` });
      return;
    }
    adjust.mutate({ customerId: customer.id, amount: Number(amount), reason: String(form.get('reason') ?? ''), idempotencyKey });
  }

  return (
    <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Customer actions">
      {canEditInvoices && owed > 0n ? (
        <Button onClick={() => setOpen('quickpay')}>
          <Zap className="size-4" aria-hidden /> Quick pay {money(owed, customer.currency)}
        </Button>
      ) : null}
      {canEditCustomer ? (
        <Button variant="secondary" onClick={() => setOpen('credit')}>
          <Coins className="size-4" aria-hidden /> Adjust credit
        </Button>
      ) : null}
      {canEditInvoices ? (
        <Button variant="secondary" onClick={() => setOpen('consolidate')}>
          <Layers className="size-4" aria-hidden /> Consolidate pending
        </Button>
      ) : null}

      <Dialog open={open === 'credit'} onOpenChange={(o) => setOpen(o ? 'credit' : null)} title="Adjust credit" description="A negative amount takes credit away; the balance never goes below zero.">
        <form onSubmit={submitCredit} noValidate className="space-y-4">
          <Field label={`Amount (${customer.currency})`} name="amount" error={errors.amount}>
            <Input id="amount" name="amount" inputMode="decimal" autoFocus aria-invalid={errors.amount ? true : undefined} aria-describedby={errors.amount ? 'amount-error' : undefined} />
          </Field>
          <Field label="Reason" name="reason" error={errors.reason}>
            <Input id="reason" name="reason" />
          </Field>
          <DialogActions onCancel={() => setOpen(null)} pending={adjust.isPending} submit="Save" />
        </form>
      </Dialog>

      <Dialog open={open === 'quickpay'} onOpenChange={(o) => setOpen(o ? 'quickpay' : null)} title="Quick pay" description={`Records payment of every open ${customer.currency} invoice, oldest first: ${money(owed, customer.currency)} in all.`}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const method = String(new FormData(event.currentTarget).get('method')) as 'cash' | 'card' | 'bank_transfer' | 'credit';
            pay.mutate({ customerId: customer.id, currency: customer.currency, method, idempotencyKey });
          }}
          className="space-y-4"
        >
          <Field label="Method" name="method" error={errors.amount}>
            <select id="method" name="method" className={inputClass} defaultValue="bank_transfer">
              <option value="bank_transfer">bank transfer</option>
              <option value="cash">cash</option>
              <option value="card">card</option>
              <option value="credit">credit balance</option>
            </select>
          </Field>
          <DialogActions onCancel={() => setOpen(null)} pending={pay.isPending} submit={`Pay ${money(owed, customer.currency)}`} />
        </form>
      </Dialog>

      <Dialog open={open === 'consolidate'} onOpenChange={(o) => setOpen(o ? 'consolidate' : null)} title="Consolidate pending" description={`Every open ${customer.currency} invoice becomes one; the others are cancelled and point to it.`}>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => setOpen(null)}>
            Keep them
          </Button>
          <Button disabled={consolidate.isPending} onClick={() => consolidate.mutate({ customerId: customer.id, currency: customer.currency })}>
            Consolidate
          </Button>
        </div>
      </Dialog>
    </div>
  );
}

type Breakdown = { unusedDays: number; periodDays: number; oldCredit: bigint; newCharge: bigint; prorate: bigint };

/** Change plan: see the proration breakdown first, then confirm. */
export function ChangePlan({ service, products }: { service: { id: string; name: string; cycle: string; currency: string }; products: Array<{ id: string; name: string; cycles: string[] }> }) {
  const [open, setOpen] = useState(false);
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const [cycle, setCycle] = useState(service.cycle);
  const [preview, setPreview] = useState<Breakdown | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const onError = (error: { message: string }) => toast.error(error.message);
  const change = useMutation(trpc.orders.changePlan.mutationOptions({ onError }));
  const cycles = products.find((p) => p.id === productId)?.cycles ?? [];
  const run = (confirm: boolean) =>
    change.mutate(
      { serviceId: service.id, product_id: productId, cycle: cycle as 'monthly', preview: !confirm },
      {
        onSuccess: (result) => {
          if (!confirm) return setPreview(result);
          toast.success(result.invoiceId ? 'Plan changed; the difference is invoiced' : result.creditNoteId ? 'Plan changed; the difference is credited' : 'Plan changed');
          setOpen(false);
          setPreview(null);
          router.refresh();
        },
      },
    );
  const format = useMoney();
  const money = (v: bigint) => format(v, service.currency);

  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Change plan of ${service.name}`}>
        <ArrowRightLeft className="size-4" aria-hidden /> Change plan
      </Button>
      <Dialog open={open} onOpenChange={setOpen} title={`Change plan: ${service.name}`} description="The rest of the paid period is credited at the old price and charged at the new one.">
        <div className="grid grid-cols-2 gap-3">
          <Field label="New plan" name="product">
            <select id="product" className={inputClass} value={productId} onChange={(e) => (setProductId(e.target.value), setPreview(null))}>
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Cycle" name="cycle">
            <select id="cycle" className={inputClass} value={cycle} onChange={(e) => (setCycle(e.target.value), setPreview(null))}>
              {cycles.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {preview ? (
          <dl className="mt-4 space-y-1 rounded-md bg-muted p-3 text-sm" aria-label="Proration">
            <div className="flex justify-between">
              <dt>Unused days</dt>
              <dd>
                {preview.unusedDays} of {preview.periodDays}
              </dd>
            </div>
            <div className="flex justify-between">
              <dt>Credit for the old plan</dt>
              <dd className="tabular-nums">−{money(preview.oldCredit)}</dd>
            </div>
            <div className="flex justify-between">
              <dt>Charge for the new plan</dt>
              <dd className="tabular-nums">{money(preview.newCharge)}</dd>
            </div>
            <div className="flex justify-between border-t border-border pt-1 font-semibold">
              <dt>{preview.prorate >= 0n ? 'To invoice' : 'To credit'}</dt>
              <dd className="tabular-nums" data-testid="prorate">
                {money(preview.prorate < 0n ? -preview.prorate : preview.prorate)}
              </dd>
            </div>
          </dl>
        ) : null}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => run(false)} disabled={change.isPending || !productId || !cycle}>
            Preview
          </Button>
          <Button onClick={() => run(true)} disabled={change.isPending || !preview}>
            Confirm change
          </Button>
        </div>
      </Dialog>
    </>
  );
}
