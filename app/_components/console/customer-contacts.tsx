'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import type { CustomerContactView } from '@/server/services/customers/contacts';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';
import { AddContactDialog } from '../../admin/customers/[id]/actions/add-contact-dialog';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { ConfirmDialog } from '../ui/dialog';

/**
 * The people a customer's invoices may go to besides its own address; the order wizard offers
 * them as the billing contact. Adding and removing need customers.edit (`canEdit`).
 */
export function CustomerContacts({ customerId, contacts, canEdit }: { customerId: string; contacts: CustomerContactView[]; canEdit: boolean }) {
  const router = useRouter();
  const trpc = useTRPC();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<CustomerContactView | null>(null);
  const remove = useMutation(
    trpc.customers.removeContact.mutationOptions({
      onError: toastError,
      onSuccess: (c) => (toast.success(`Contact ${c.name} removed`), setRemoving(null), router.refresh()),
    }),
  );

  return (
    <Card className="p-5">
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="font-semibold">Contacts</h2>
        {canEdit ? (
          <Button variant="secondary" className="h-8" onClick={() => setAdding(true)}>
            <Plus className="size-4" aria-hidden /> Add contact
          </Button>
        ) : null}
      </div>
      <ul className="divide-y divide-border text-sm" aria-label="Contacts">
        {contacts.map((c) => (
          <li key={c.id} className="flex items-center justify-between gap-3 py-2">
            <div className="min-w-0">
              <p className="font-medium">{c.name}</p>
              <p className="truncate text-fg-muted">{c.email}</p>
            </div>
            {canEdit ? (
              <Button variant="ghost" className="h-7 px-2" aria-label={`Remove ${c.name}`} onClick={() => setRemoving(c)}>
                <Trash2 className="size-4" aria-hidden /> Remove
              </Button>
            ) : null}
          </li>
        ))}
        {contacts.length === 0 ? <li className="py-2 text-fg-muted">No contacts: invoices go to the customer’s e-mail.</li> : null}
      </ul>
      {adding ? <AddContactDialog customerId={customerId} onClose={() => setAdding(false)} onAdded={() => (setAdding(false), router.refresh())} /> : null}
      {removing ? (
        <ConfirmDialog
          title="Remove contact"
          description={`${removing.name} (${removing.email}) will no longer be offered for new orders. Orders already placed keep sending their invoices where they do now.`}
          confirm="Remove contact"
          keep="Keep contact"
          danger
          pending={remove.isPending}
          onConfirm={() => remove.mutate({ id: removing.id })}
          onClose={() => setRemoving(null)}
        />
      ) : null}
    </Card>
  );
}
