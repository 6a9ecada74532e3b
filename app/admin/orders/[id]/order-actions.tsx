'use client';

import { useMutation } from '@tanstack/react-query';
import { BadgeCheck, CirclePause, CirclePlay, CreditCard, FilePenLine, FilePlus, PencilLine, Tag, UserRoundPen, Wallet, X } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { OrderActions as Allowed, OrderStatus } from '@/server/billing/order-status';
import type { ConsoleBase } from '../../../_components/console/base-path';
import { Button, buttonClass } from '../../../_components/ui/button';
import { useTRPC } from '../../../_lib/trpc';
import { toastError, useFinish } from '../../../_lib/use-finish';
import { AddLabelDialog } from './actions/add-label-dialog';
import { ApproveDialog } from './actions/approve-dialog';
import { ChangeCustomerDialog } from './actions/change-customer-dialog';
import { ContractStatusDialog } from './actions/contract-status-dialog';
import { CreateDocumentDialog } from './actions/create-document-dialog';
import { EditPriceDialog } from './actions/edit-price-dialog';
import { PaymentMethodDialog } from './actions/payment-method-dialog';
import { StatusDialog } from './actions/status-dialog';

type Line = { id: string; description: string; unitPrice: bigint; quantity: string };
export type ActionOrder = {
  id: string;
  status: OrderStatus;
  awaitingApproval: boolean;
  paymentMethod: string | null;
  currency: string;
  lines: Line[];
  labels: string[];
  /** A contract order's schedule and what its state allows (canActivateOrder, canDeactivateOrder, canEditContract). */
  contract: { billingDay: number; startDate: string; activate: boolean; deactivate: boolean; edit: boolean } | null;
};
type Open =
  | { dialog: 'approve' | 'method' | 'customer' | 'price' | 'label' | 'activate' | 'deactivate' }
  | { dialog: 'status'; status: OrderStatus }
  | { dialog: 'document'; kind: 'invoice' | 'proforma' }
  | null;

/**
 * Everything the desk does to an order: approve, change status, pay, edit price (each as far as
 * the billing rules allow: `allowed`), change payment method, change customer, and labels; for a contract order,
 * Activate, Deactivate and (a draft) Edit; with invoices.create, Create invoice and Create proforma.
 */
export function OrderActions({
  order,
  allowed,
  payHref,
  firstInvoicePaid,
  proformaReplaces,
  documents,
}: {
  order: ActionOrder;
  allowed: Allowed;
  payHref: string | null;
  firstInvoicePaid: boolean;
  /** The unpaid first invoice (its number) that Create proforma replaces; null: it makes a draft. */
  proformaReplaces: string | null;
  /** Where a created document opens; null without invoices.create. */
  documents: ConsoleBase | null;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const trpc = useTRPC();
  const finish = useFinish(close);
  const unlabel = useMutation(trpc.orders.removeLabel.mutationOptions({ onError: toastError, onSuccess: () => finish('Label removed') }));

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Order actions">
        {order.contract?.activate ? (
          <Button onClick={() => setOpen({ dialog: 'activate' })}>
            <CirclePlay className="size-4" aria-hidden /> Activate
          </Button>
        ) : null}
        {order.contract?.deactivate ? (
          <Button variant="secondary" onClick={() => setOpen({ dialog: 'deactivate' })}>
            <CirclePause className="size-4" aria-hidden /> Deactivate
          </Button>
        ) : null}
        {order.contract?.edit ? (
          <Link href={`/admin/orders/${order.id}/edit`} className={buttonClass('secondary')}>
            <FilePenLine className="size-4" aria-hidden /> Edit
          </Link>
        ) : null}
        {allowed.approve ? (
          <Button onClick={() => setOpen({ dialog: 'approve' })}>
            <BadgeCheck className="size-4" aria-hidden /> Approve
          </Button>
        ) : null}
        {payHref ? (
          <Link href={payHref} className={buttonClass('secondary')}>
            <CreditCard className="size-4" aria-hidden /> Pay
          </Link>
        ) : null}
        {allowed.changeStatus.length > 0 ? (
          <label className="flex items-center gap-2 text-sm">
            <span className="text-fg-muted">Change status</span>
            <select
              aria-label="Change status"
              className="h-9 rounded-md border border-border bg-surface px-2 text-sm"
              value=""
              onChange={(e) => setOpen({ dialog: 'status', status: e.target.value as OrderStatus })}
            >
              <option value="" disabled>
                Choose…
              </option>
              {allowed.changeStatus.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {allowed.editPrice ? (
          <Button variant="secondary" onClick={() => setOpen({ dialog: 'price' })}>
            <PencilLine className="size-4" aria-hidden /> Edit price
          </Button>
        ) : null}
        <Button variant="secondary" onClick={() => setOpen({ dialog: 'method' })}>
          <Wallet className="size-4" aria-hidden /> Change payment method
        </Button>
        <Button variant="secondary" onClick={() => setOpen({ dialog: 'customer' })}>
          <UserRoundPen className="size-4" aria-hidden /> Change customer
        </Button>
        <Button variant="secondary" onClick={() => setOpen({ dialog: 'label' })}>
          <Tag className="size-4" aria-hidden /> Add label
        </Button>
        {documents ? (
          <>
            <Button variant="secondary" onClick={() => setOpen({ dialog: 'document', kind: 'invoice' })}>
              <FilePlus className="size-4" aria-hidden /> Create invoice
            </Button>
            <Button variant="secondary" onClick={() => setOpen({ dialog: 'document', kind: 'proforma' })}>
              <FilePlus className="size-4" aria-hidden /> Create proforma
            </Button>
          </>
        ) : null}
      </div>

      {order.labels.length > 0 ? (
        <ul className="flex flex-wrap gap-2" aria-label="Labels">
          {order.labels.map((l) => (
            <li key={l} className="flex items-center gap-1 rounded-full bg-accent/10 py-0.5 pr-1 pl-2.5 text-xs font-medium text-accent">
              {l}
              <button
                type="button"
                aria-label={`Remove label ${l}`}
                className="rounded-full p-0.5 hover:bg-accent/20"
                disabled={unlabel.isPending}
                onClick={() => unlabel.mutate({ id: order.id, label: l })}
              >
                <X className="size-3" aria-hidden />
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      {order.contract && (open?.dialog === 'activate' || open?.dialog === 'deactivate') ? (
        <ContractStatusDialog
          orderId={order.id}
          move={open.dialog}
          contract={{ status: order.status, billingDay: order.contract.billingDay, startDate: order.contract.startDate }}
          onClose={close}
        />
      ) : null}
      {open?.dialog === 'approve' ? <ApproveDialog orderId={order.id} onClose={close} /> : null}
      {open?.dialog === 'status' ? <StatusDialog orderId={order.id} status={open.status} onClose={close} /> : null}
      {open?.dialog === 'method' ? <PaymentMethodDialog order={order} onClose={close} /> : null}
      {open?.dialog === 'customer' ? <ChangeCustomerDialog order={order} onClose={close} /> : null}
      {open?.dialog === 'price' ? <EditPriceDialog order={order} firstInvoicePaid={firstInvoicePaid} onClose={close} /> : null}
      {open?.dialog === 'label' ? <AddLabelDialog orderId={order.id} onClose={close} /> : null}
      {open?.dialog === 'document' && documents ? (
        <CreateDocumentDialog orderId={order.id} kind={open.kind} replaces={proformaReplaces} basePath={documents} onClose={close} />
      ) : null}
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
      onError: toastError,
    }),
  );
  return (
    <Button variant="secondary" className="ml-2 h-7 px-2 text-xs" disabled={mark.isPending} onClick={() => mark.mutate({ id: serviceId })}>
      Mark provisioned
    </Button>
  );
}
