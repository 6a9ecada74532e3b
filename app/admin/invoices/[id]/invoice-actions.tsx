'use client';

import { Ban, BellRing, CheckCheck, Copy, FileMinus, FilePen, Link2, MailCheck, PiggyBank, Plus, Send, Shuffle, Trash2, Undo2 } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import type { ManualStatus } from '@/server/billing/invoice-desk';
import type { InvoiceActions as Allowed } from '@/server/billing/invoice-status';
import type { TaxMode } from '@/server/billing/totals';
import type { CustomerSnapshot } from '@/server/services/invoices/snapshot';
import type { ConsoleBase } from '../../../_components/console/base-path';
import { Button } from '../../../_components/ui/button';
import type { EditorLine } from '../invoice-editor';
import { ApplyCreditDialog } from './actions/apply-credit-dialog';
import { CancelInvoiceDialog } from './actions/cancel-invoice-dialog';
import { ChangeStatusDialog } from './actions/change-status-dialog';
import { CorrectionDialog } from './actions/correction-dialog';
import { DeleteInvoiceDialog } from './actions/delete-invoice-dialog';
import { DuplicateDialog } from './actions/duplicate-dialog';
import { EditInvoiceDialog } from './actions/edit-invoice-dialog';
import { FinalizeAndSendDialog, FinalizeDialog } from './actions/finalize-dialog';
import { MarkPaidDialog } from './actions/mark-paid-dialog';
import { RecordPaymentDialog } from './actions/record-payment-dialog';
import { RefundDialog } from './actions/refund-dialog';
import { RegenerateLinkDialog } from './actions/regenerate-link-dialog';
import { SendReminderDialog } from './actions/send-reminder-dialog';

export type ActionInvoice = {
  id: string;
  currency: string;
  balance: string;
  /** What a refund may still give back (returnableOf: paid, less refunded and credited). */
  returnable: string;
  taxMode: TaxMode;
  dueDate: string;
  notes: string | null;
  lines: EditorLine[];
  /** What a line added by an edit is taxed at: the customer's rate. */
  newLineTaxRate: string;
  /** Numbered: its addressee is its own (frozen then) and may be corrected. */
  numbered: boolean;
  poNumber: string | null;
  /** The frozen addressee, else the customer as it is. */
  addressee: Omit<CustomerSnapshot, 'email'>;
  /** Where Finalize & send mails it. */
  email: string;
  /** The customer's credit balance in the invoice's currency; 0 when it may not pay this one (a top-up). */
  credit: string;
  /** Duplicate makes a new draft of it: an invoice or proforma, not a correction or a top-up. */
  duplicable: boolean;
};

type Open =
  | null
  | 'pay'
  | 'credit'
  | 'duplicate'
  | 'send'
  | 'markPaid'
  | 'cancel'
  | 'delete'
  | 'edit'
  | 'finalize'
  | 'token'
  | 'refund'
  | 'correct'
  | 'status'
  | 'remind';

/** Change status and Send reminder: what the invoice allows today (invoice-desk.ts). */
export type DeskAllowed = { statusTargets: ManualStatus[]; remind: boolean; overdue: boolean };

/**
 * The invoice's actions: only those its state allows (`allowed`, from the billing rules), and
 * only for people allowed to act.
 */
export function InvoiceActions({
  invoice,
  allowed,
  desk,
  basePath,
  canEdit,
  canCreate,
  canRefund,
  canDelete,
}: {
  invoice: ActionInvoice;
  allowed: Allowed;
  desk: DeskAllowed;
  basePath: ConsoleBase;
  canEdit: boolean;
  canCreate: boolean;
  canRefund: boolean;
  canDelete: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);

  if (!canEdit && !canCreate && !canRefund && !canDelete) return null;
  const payable = canEdit && allowed.recordPayment;

  return (
    <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Invoice actions">
      {canEdit && allowed.finalize ? <Action icon={<MailCheck className="size-4" />} label="Finalize & send" onClick={() => setOpen('send')} primary /> : null}
      {canEdit && allowed.finalize ? <Action icon={<Send className="size-4" />} label="Finalize" onClick={() => setOpen('finalize')} /> : null}
      {payable ? <Action icon={<Plus className="size-4" />} label="Add payment" onClick={() => setOpen('pay')} primary /> : null}
      {payable && BigInt(invoice.credit) > 0n ? (
        <Action icon={<PiggyBank className="size-4" />} label="Apply credit balance" onClick={() => setOpen('credit')} />
      ) : null}
      {payable ? <Action icon={<CheckCheck className="size-4" />} label="Mark as paid" onClick={() => setOpen('markPaid')} /> : null}
      {canEdit && allowed.edit ? <Action icon={<FilePen className="size-4" />} label="Edit" onClick={() => setOpen('edit')} /> : null}
      {canEdit && allowed.correct ? <Action icon={<FileMinus className="size-4" />} label="Credit / debit note" onClick={() => setOpen('correct')} /> : null}
      {canRefund && allowed.refund ? <Action icon={<Undo2 className="size-4" />} label="Refund" onClick={() => setOpen('refund')} /> : null}
      {canEdit && desk.remind ? <Action icon={<BellRing className="size-4" />} label="Send reminder" onClick={() => setOpen('remind')} /> : null}
      {canEdit && desk.statusTargets.length > 0 ? (
        <Action icon={<Shuffle className="size-4" />} label="Change status" onClick={() => setOpen('status')} />
      ) : null}
      {canCreate && invoice.duplicable ? <Action icon={<Copy className="size-4" />} label="Duplicate" onClick={() => setOpen('duplicate')} /> : null}
      {canEdit && allowed.regenerateLink ? <Action icon={<Link2 className="size-4" />} label="Regenerate link" onClick={() => setOpen('token')} /> : null}
      {canEdit && allowed.cancel ? <Action icon={<Ban className="size-4" />} label="Cancel invoice" onClick={() => setOpen('cancel')} /> : null}
      {canDelete && allowed.delete ? <Action icon={<Trash2 className="size-4" />} label="Delete" onClick={() => setOpen('delete')} /> : null}

      {open === 'refund' ? <RefundDialog invoice={invoice} refundable={BigInt(invoice.returnable)} onClose={close} /> : null}
      {open === 'correct' ? <CorrectionDialog invoice={invoice} onClose={close} /> : null}
      {open === 'pay' ? <RecordPaymentDialog invoice={invoice} onClose={close} /> : null}
      {open === 'credit' ? <ApplyCreditDialog invoice={invoice} onClose={close} /> : null}
      {open === 'duplicate' ? <DuplicateDialog invoiceId={invoice.id} basePath={basePath} onClose={close} /> : null}
      {open === 'send' ? <FinalizeAndSendDialog invoiceId={invoice.id} email={invoice.email} onClose={close} /> : null}
      {open === 'markPaid' ? <MarkPaidDialog invoice={invoice} onClose={close} /> : null}
      {open === 'cancel' ? <CancelInvoiceDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'delete' ? <DeleteInvoiceDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'finalize' ? <FinalizeDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'token' ? <RegenerateLinkDialog invoiceId={invoice.id} onClose={close} /> : null}
      {open === 'edit' ? <EditInvoiceDialog invoice={invoice} onClose={close} /> : null}
      {open === 'status' ? <ChangeStatusDialog invoiceId={invoice.id} targets={desk.statusTargets} onClose={close} /> : null}
      {open === 'remind' ? <SendReminderDialog invoiceId={invoice.id} overdue={desk.overdue} onClose={close} /> : null}
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
