'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { ArrowRightLeft } from 'lucide-react';
import { useState } from 'react';
import { ChangePlanForm } from '../../../../_components/services/change-plan-form';
import { Button } from '../../../../_components/ui/button';
import { Dialog } from '../../../../_components/ui/dialog';
import { useIdempotencyKey } from '../../../../_lib/idempotency-key';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

type PlanService = { id: string; name: string; currency: string };

/** Change plan at the desk: the new plan with its options, the proration previewed as it changes, then confirmed. */
export function ChangePlan({ service }: { service: PlanService }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`Change plan of ${service.name}`}>
        <ArrowRightLeft className="size-4" aria-hidden /> Change plan
      </Button>
      {open ? <ChangePlanDialog service={service} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function ChangePlanDialog({ service, onClose }: { service: PlanService; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const [idempotencyKey, renewKey] = useIdempotencyKey();
  const choices = useQuery(trpc.orders.planChoices.queryOptions({ serviceId: service.id }));
  const ask = useMutation(trpc.orders.changePlan.mutationOptions());
  const change = useMutation(trpc.orders.changePlan.mutationOptions({ onError: toastError }));
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title={`Change plan: ${service.name}`}
      description="The rest of the paid period is credited at the current price and charged at the new one; the invoice is e-mailed as the order's auto-e-mail says."
    >
      {choices.data ? (
        <ChangePlanForm
          currency={service.currency}
          plans={choices.data.plans}
          current={choices.data.current}
          ask={(request) => ask.mutateAsync({ serviceId: service.id, ...request, cycle: request.cycle as 'monthly', preview: true, idempotencyKey })}
          confirming={change.isPending}
          confirm={(request) =>
            change.mutate(
              { serviceId: service.id, ...request, cycle: request.cycle as 'monthly', preview: false, idempotencyKey },
              {
                onSuccess: (result) => {
                  renewKey();
                  finish(
                    result.invoiceId
                      ? 'Plan changed; the difference is invoiced'
                      : result.creditNoteId
                        ? 'Plan changed; the difference is credited'
                        : 'Plan changed',
                  );
                },
              },
            )
          }
          onCancel={onClose}
        />
      ) : (
        <p className="text-sm text-fg-muted">{choices.error ? choices.error.message : 'Loading the plans…'}</p>
      )}
    </Dialog>
  );
}
