'use client';

import { ConsolidationConfirm } from '../../../../_components/console/consolidation-confirm';
import { Dialog } from '../../../../_components/ui/dialog';
import { useFinish } from '../../../../_lib/use-finish';
import type { ActionCustomer } from '../customer-actions';

/** Merges the customer's open invoices in their currency into one, shown as the server's preview of that invoice first. */
export function ConsolidateDialog({ customer, onClose }: { customer: ActionCustomer; onClose: () => void }) {
  const finish = useFinish(onClose);
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Consolidate pending"
      description={`Every open ${customer.currency} invoice becomes one; the others are cancelled and point to it.`}
    >
      <div className="space-y-4">
        <ConsolidationConfirm customer={customer} cancel="Keep them" onCancel={onClose} onMerged={(i) => finish(`Open invoices merged into ${i.number}`)} />
      </div>
    </Dialog>
  );
}
