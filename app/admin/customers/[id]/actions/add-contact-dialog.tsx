'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from 'sonner';
import { addCustomerContactInput } from '@/server/schemas/customers';
import type { CustomerContactView } from '@/server/services/customers/contacts';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { useTRPC } from '../../../../_lib/trpc';

const contactForm = addCustomerContactInput.pick({ name: true, email: true });

/**
 * Adds a contact (name and e-mail) to a customer: from the customer's page, and from the order
 * wizard, which selects the new contact. Its form stops its submit here: React bubbles events
 * through the portal, and the wizard's own form must not take this one's submit for its own.
 */
export function AddContactDialog({
  customerId,
  onAdded,
  onClose,
}: {
  customerId: string;
  onAdded: (contact: CustomerContactView) => void;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useZodForm(contactForm, { name: '', email: '' });
  const add = useMutation(
    trpc.customers.addContact.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (contact) => {
        toast.success(`Contact ${contact.name} added`);
        // The wizard's picker lists them from this query.
        void queryClient.invalidateQueries({ queryKey: trpc.customers.contacts.queryKey({ id: customerId }) });
        onAdded(contact);
      },
    }),
  );
  return (
    <Dialog open onOpenChange={(o) => o || onClose()} title="Add contact" description="Invoices of this customer’s orders can be sent to this person.">
      <div onSubmit={(e) => e.stopPropagation()}>
        <Form form={form} className="space-y-4" onSubmit={(v) => add.mutate({ customer_id: customerId, name: v.name, email: v.email })}>
          <FormText name="name" id="contact-name" label="Contact name" autoFocus />
          <FormText name="email" id="contact-email" label="Contact e-mail" type="email" />
          <DialogActions onCancel={onClose} pending={add.isPending} submit="Add contact" />
        </Form>
      </div>
    </Dialog>
  );
}
