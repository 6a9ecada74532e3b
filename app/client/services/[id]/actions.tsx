'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowRightLeft, XCircle } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { CancellationMode } from '@/server/services/orders/cancel-service';
import { MoneyPreview } from '../../../_components/console/money-preview';
import { useFormats } from '../../../_components/money';
import { ChangePlanForm } from '../../../_components/services/change-plan-form';
import { Button } from '../../../_components/ui/button';
import { Dialog } from '../../../_components/ui/dialog';
import { TextField } from '../../../_components/ui/field';
import { useIdempotencyKey } from '../../../_lib/idempotency-key';
import { useTRPC } from '../../../_lib/trpc';
import { toastError, useFinish } from '../../../_lib/use-finish';
import { useLivePreview } from '../../../_lib/use-live-preview';

type OwnService = { id: string; name: string; currency: string };

/** Upgrade or downgrade: the plans the desk offers for this service, the proration previewed, then the invoice to pay. */
export function PortalChangePlan({ service }: { service: OwnService }) {
  const t = useTranslations('portal.changePlan');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <ArrowRightLeft className="size-4" aria-hidden /> {t('button')}
      </Button>
      {open ? <ChangePlanDialog service={service} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ChangePlanDialog({ service, onClose }: { service: OwnService; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const finish = useFinish(onClose);
  const t = useTranslations('portal.changePlan');
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const choices = useQuery(trpc.portal.planChoices.queryOptions({ serviceId: service.id }));
  const ask = useMutation(trpc.portal.changePlan.mutationOptions());
  const change = useMutation(trpc.portal.changePlan.mutationOptions({ onError: toastError }));
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={t('title', { name: service.name })} description={t('description')}>
      {choices.data ? (
        <ChangePlanForm
          currency={service.currency}
          plans={choices.data.plans}
          current={choices.data.current}
          ask={(request) => ask.mutateAsync({ service_id: service.id, ...request, cycle: request.cycle as 'monthly', preview: true, idempotencyKey })}
          confirming={change.isPending}
          confirm={(request) =>
            change.mutate(
              { service_id: service.id, ...request, cycle: request.cycle as 'monthly', preview: false, idempotencyKey },
              {
                onSuccess: (result) => {
                  renewKey();
                  if (!result.invoiceId) return finish(result.creditNoteId ? t('changedToCredit') : t('changed'));
                  toast.success(t('changedInvoiced'));
                  router.push(`/client/invoices/${result.invoiceId}`);
                },
              },
            )
          }
          onCancel={onClose}
        />
      ) : (
        <p className="text-sm text-fg-muted">{choices.error ? choices.error.message : t('loading')}</p>
      )}
    </Dialog>
  );
}

/** A cancellation request: what happens to the service and its unpaid invoices is shown before it is confirmed. */
export function CancelService({ service, mode }: { service: OwnService; mode: CancellationMode }) {
  const t = useTranslations('portal.cancel');
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        <XCircle className="size-4" aria-hidden /> {mode === 'end_of_period' ? t('atPeriodEnd') : t('now')}
      </Button>
      {open ? <CancelDialog service={service} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function CancelDialog({ service, onClose }: { service: OwnService; onClose: () => void }) {
  const trpc = useTRPC();
  const { money, day } = useFormats();
  const t = useTranslations('portal.cancel');
  const finish = useFinish(onClose);
  const [reason, setReason] = useState('');
  const ask = useMutation(trpc.portal.cancelService.mutationOptions({ onError: toastError }));
  const cancel = useMutation(trpc.portal.cancelService.mutationOptions({ onError: toastError }));
  const preview = useLivePreview({ service_id: service.id }, (r) => ask.mutateAsync({ ...r, preview: true }));
  const outcome = preview.result;
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title={t('title', { name: service.name })} description={t('description')}>
      <div className="grid gap-4">
        <MoneyPreview
          asking={preview.asking}
          idle={t('idle')}
          items={
            outcome && [
              [
                t('service'),
                <span key="ends" data-testid="cancel-ends">
                  {outcome.mode === 'end_of_period' ? t('inUseUntil', { date: day(outcome.endsOn) }) : t('cancelledNow')}
                </span>,
              ],
              [
                t('invoicesCancelled'),
                outcome.cancelledInvoices.length === 0
                  ? t('none')
                  : outcome.cancelledInvoices.map((i) => `${i.number ?? t('invoice')} (${money(i.total, service.currency)})`).join(', '),
              ],
              [
                t('stillToPay'),
                outcome.dueInvoices.length === 0
                  ? t('nothing')
                  : outcome.dueInvoices.map((i) => `${i.number ?? t('invoice')} (${money(i.balance, service.currency)})`).join(', '),
              ],
            ]
          }
          note={outcome?.mode === 'end_of_period' ? t('keepPaid') : undefined}
        />
        <TextField name="reason" label={t('reason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            {t('keep')}
          </Button>
          <Button
            disabled={!outcome || cancel.isPending}
            onClick={() =>
              cancel.mutate(
                { service_id: service.id, reason: reason.trim() === '' ? undefined : reason.trim() },
                {
                  onSuccess: (done) => finish(done.mode === 'end_of_period' ? t('requested', { date: day(done.endsOn) }) : t('cancelled')),
                },
              )
            }
          >
            {t('confirm')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
