'use client';

import { Ban, CheckCheck, FileMinus, FilePen, Link2, Plus, Send, Undo2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { invoiceTransition, type InvoiceStatus } from '@/server/billing/invoice-status';
import type { TaxMode } from '@/server/billing/totals';
import { Button } from '../../../_components/ui/button';
import type { EditorLine } from '../invoice-editor';
import { CancelInvoiceDialog } from './actions/cancel-invoice-dialog';
import { CorrectionDialog } from './actions/correction-dialog';
import { EditInvoiceDialog } from './actions/edit-invoice-dialog';
import { FinalizeDialog } from './actions/finalize-dialog';
import { MarkPaidDialog } from './actions/mark-paid-dialog';
import { RecordPaymentDialog } from './actions/record-payment-dialog';
import { RefundDialog } from './actions/refund-dialog';
import { RegenerateLinkDialog } from './actions/regenerate-link-dialog';

export type ActionInvoice = {
  id: string;
  kind: string;
  status: InvoiceStatus;
  amountRefunded: string;
  currency: string;
  balance: string;
  amountPaid: string;
  taxMode: TaxMode;
  dueDate: string;
  notes: string | null;
  lines: EditorLine[];
};

type Open = null | 'pay' | 'markPaid' | 'cancel' | 'edit' | 'finalize' | 'token' | 'refund' | 'correct';

/** The invoice's actions: only those its state allows, and only for people allowed to act. */
export function InvoiceActions({ invoice, canEdit, canRefund }: { invoice: ActionInvoice; canEdit: boolean; canRefund: boolean }) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const state = { status: invoice.status, total: 0n, amountPaid: BigInt(invoice.amountPaid), amountRefunded: 0n, amountCredited: 0n };
  const balance = BigInt(invoice.balance);
  const refundable = BigInt(invoice.amountPaid) - BigInt(invoice.amountRefunded);

  if (!canEdit && !canRefund) return null;
  const can = (event: Parameters<typeof invoiceTransition>[1]) => invoiceTransition(state, event).ok;
  const payable = canEdit && balance > 0n && ['pending', 'partial', 'overdue'].includes(invoice.status);
  const correctable = canEdit && invoice.kind === 'invoice' && ['pending', 'partial', 'paid', 'overdue'].includes(invoice.status);

  return (
    <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Invoice actions">
      {canEdit && invoice.status === 'draft' ? (
        <Action icon={<Send className="size-4" />} label="Finalize" onClick={() => setOpen('finalize')} primary />
      ) : null}
      {payable ? <Action icon={<Plus className="size-4" />} label="Add payment" onClick={() => setOpen('pay')} primary /> : null}
      {payable ? <Action icon={<CheckCheck className="size-4" />} label="Mark as paid" onClick={() => setOpen('markPaid')} /> : null}
      {canEdit && can('edit') ? <Action icon={<FilePen className="size-4" />} label="Edit" onClick={() => setOpen('edit')} /> : null}
      {correctable ? <Action icon={<FileMinus className="size-4" />} label="Credit / debit note" onClick={() => setOpen('correct')} /> : null}
      {canRefund && refundable > 0n && invoice.status !== 'refunded' ? (
        <Action icon={<Undo2 className="size-4" />} label="Refund" onClick={() => setOpen('refund')} />
      ) : null}
      {canEdit && invoice.status !== 'draft' ? <Action icon={<Link2 className="size-4" />} label="Regenerate link" onClick={() => setOpen('token')} /> : null}
      {canEdit && can('cancel') ? <Action icon={<Ban className="size-4" />} label="Cancel invoice" onClick={() => setOpen('cancel')} /> : null}

      {open === 'refund' ? <RefundDialog invoice={invoice} refundable={refundable} onClose={close} /> : null}
      {open === 'correct' ? <CorrectionDialog invoice={invoice} onClose={close} /> : null}
      {open === 'pay' ? <RecordPaymentDialog invoice={invoice} onClose={close} /> : null}
      {open === 'markPaid' ? <MarkPaidDialog invoice={invoice} onClose={close} /> : null}
      {open === 'cancel' ? <CancelInvoiceDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'finalize' ? <FinalizeDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'token' ? <RegenerateLinkDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'edit' ? <EditInvoiceDialog invoice={invoice} onClose={close} /> : null}
    </div>
  );
}

function Action({ icon, label, onClick, primary }: { icon: ReactNode; label: string; onClick: () => void; primary?: boolean }) {
  return (
    <Button variant={primary ? 'primary' : 'secondary'} onClick={onClick}>
      <span aria-hidden>{icon}</span>
      {label}
    </Button>
  );
}
