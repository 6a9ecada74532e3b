'use client';

import { useMutation } from '@tanstack/react-query';
import { ArrowRightLeft } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { useMoney } from '../../../../_components/money';
import { Button } from '../../../../_components/ui/button';
import { Dialog } from '../../../../_components/ui/dialog';
import { Field, inputClass } from '../../../../_components/ui/field';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError } from '../../../../_lib/use-finish';

type Breakdown = { unusedDays: number; periodDays: number; oldCredit: bigint; newCharge: bigint; prorate: bigint };

/** Change plan: see the proration breakdown first, then confirm. */
export function ChangePlan({
  service,
  products,
}: {
  service: { id: string; name: string; cycle: string; currency: string };
  products: Array<{ id: string; name: string; cycles: string[] }>;
}) {
  const [open, setOpen] = useState(false);
  const [productId, setProductId] = useState(products[0]?.id ?? '');
  const [cycle, setCycle] = useState(service.cycle);
  const [preview, setPreview] = useState<Breakdown | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const change = useMutation(trpc.orders.changePlan.mutationOptions({ onError: toastError }));
  const cycles = products.find((p) => p.id === productId)?.cycles ?? [];
  const run = (confirm: boolean) =>
    change.mutate(
      { serviceId: service.id, product_id: productId, cycle: cycle as 'monthly', preview: !confirm },
      {
        onSuccess: (result) => {
          if (!confirm) return setPreview(result);
          toast.success(
            result.invoiceId ? 'Plan changed; the difference is invoiced' : result.creditNoteId ? 'Plan changed; the difference is credited' : 'Plan changed',
          );
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
      <Dialog
        open={open}
        onOpenChange={setOpen}
        title={`Change plan: ${service.name}`}
        description="The rest of the paid period is credited at the old price and charged at the new one."
      >
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
