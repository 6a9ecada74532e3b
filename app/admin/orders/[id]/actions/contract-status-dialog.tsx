'use client';

import { useMutation } from '@tanstack/react-query';
import type { LocaleFormats } from '@/i18n/format';
import { useFormats } from '../../../../_components/money';
import { ConfirmDialog } from '../../../../_components/ui/dialog';
import { useTRPC } from '../../../../_lib/trpc';
import { toastError, useFinish } from '../../../../_lib/use-finish';

export type ContractFacts = { status: 'draft' | 'paused' | 'active' | string; billingDay: number; startDate: string };

/** What activating says it does to billing: from a draft, the schedule starts; from paused, it resumes. */
export const activateDescription = (c: ContractFacts, formats: LocaleFormats) =>
  c.status === 'paused'
    ? `Billing resumes: the billing run invoices this order again from its next billing day (day ${c.billingDay}); periods that started while paused are not billed.`
    : `Billing starts: the billing run invoices this order on day ${c.billingDay} of each month from ${formats.day(c.startDate)}.`;

export const deactivateDescription = 'Billing stops: no invoice for periods starting while paused; services are not suspended at the provider.';

/** Activate (draft or paused → active) or Deactivate (active → paused) a contract order, after a yes. */
export function ContractStatusDialog({
  orderId,
  move,
  contract,
  onClose,
}: {
  orderId: string;
  move: 'activate' | 'deactivate';
  contract: ContractFacts;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const formats = useFormats();
  const finish = useFinish(onClose);
  const activate = useMutation(
    trpc.orders.activate.mutationOptions({ onError: toastError, onSuccess: () => finish(`Order activated; billing runs on day ${contract.billingDay}`) }),
  );
  const deactivate = useMutation(trpc.orders.deactivate.mutationOptions({ onError: toastError, onSuccess: () => finish('Order paused; billing stopped') }));
  return move === 'activate' ? (
    <ConfirmDialog
      title="Activate order"
      description={activateDescription(contract, formats)}
      confirm="Activate"
      onConfirm={() => activate.mutate({ id: orderId })}
      onClose={onClose}
      pending={activate.isPending}
    />
  ) : (
    <ConfirmDialog
      title="Deactivate order"
      description={deactivateDescription}
      confirm="Deactivate"
      danger
      onConfirm={() => deactivate.mutate({ id: orderId })}
      onClose={onClose}
      pending={deactivate.isPending}
    />
  );
}
