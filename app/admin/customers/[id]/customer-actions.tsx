'use client';

import { Coins, Layers, Pencil, Zap } from 'lucide-react';
import { useState } from 'react';
import { useMoney } from '../../../_components/money';
import { Button } from '../../../_components/ui/button';
import { AdjustCreditDialog } from './actions/adjust-credit-dialog';
import { ConsolidateDialog } from './actions/consolidate-dialog';
import { EditCustomerDialog, type EditableCustomer } from './actions/edit-customer-dialog';
import { QuickPayDialog } from './actions/quick-pay-dialog';

export type ActionCustomer = { id: string; currency: string; owed: string; credit: string };

type Open = null | 'edit' | 'credit' | 'quickpay' | 'consolidate';

/** Edit the customer, adjust credit, pay everything owed in one click, merge open invoices. */
export function CustomerActions({
  customer,
  editable,
  canEditInvoices,
  canCreateInvoices,
  canEditCustomer,
}: {
  customer: ActionCustomer;
  /** The details Edit customer starts from. */
  editable: EditableCustomer;
  canEditInvoices: boolean;
  /** Consolidating issues a new invoice: invoices.create, as the procedure asks. */
  canCreateInvoices: boolean;
  canEditCustomer: boolean;
}) {
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  const money = useMoney();
  const owed = BigInt(customer.owed);

  return (
    <div className="flex flex-wrap gap-2" role="toolbar" aria-label="Customer actions">
      {canEditCustomer ? (
        <Button variant="secondary" onClick={() => setOpen('edit')}>
          <Pencil className="size-4" aria-hidden /> Edit customer
        </Button>
      ) : null}
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
      {canCreateInvoices ? (
        <Button variant="secondary" onClick={() => setOpen('consolidate')}>
          <Layers className="size-4" aria-hidden /> Consolidate pending
        </Button>
      ) : null}

      {open === 'edit' ? <EditCustomerDialog customer={editable} onClose={close} /> : null}
      {open === 'credit' ? <AdjustCreditDialog customer={customer} onClose={close} /> : null}
      {open === 'quickpay' ? <QuickPayDialog customer={customer} onClose={close} /> : null}
      {open === 'consolidate' ? <ConsolidateDialog customer={customer} onClose={close} /> : null}
    </div>
  );
}
