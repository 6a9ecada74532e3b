'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import { webhookEventTypes } from '@/server/webhooks/events';
import { Button } from '../../_components/ui/button';
import { Dialog, DialogActions } from '../../_components/ui/dialog';
import { Form, FormCheckbox, FormError, FormText, setFieldErrors, useFieldError, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { SecretNotice } from './secret-notice';

// One checkbox per event, keyed by position: an event's own name has dots, which react-hook-form
// would read as nesting.
const eventKey = (index: number) => `e${index}`;
const endpointForm = z.object({ url: z.string(), description: z.string(), all: z.boolean(), chosen: z.record(z.string(), z.boolean()) });
const blank = { url: '', description: '', all: true, chosen: {} };

/** "Add endpoint": URL, description and events; then the signing secret, once. */
export function AddEndpoint() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(endpointForm, blank);
  const all = form.watch('all');
  const create = useMutation(
    trpc.webhooks.create.mutationOptions({
      onSuccess: (endpoint) => setCreated({ id: endpoint.id, secret: endpoint.secret }),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );
  const close = () => {
    setOpen(false);
    if (created) router.push(`/admin/webhooks/${created.id}`);
    setCreated(null);
    form.reset(blank);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>
        <Plus className="size-4" aria-hidden />
        Add endpoint
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => (next ? setOpen(true) : close())}
        title={created ? 'Endpoint added' : 'Add webhook endpoint'}
        description={created ? undefined : 'Cashdesk POSTs each event you choose to this URL, signed with the endpoint’s secret.'}
      >
        {created ? (
          <div className="space-y-4">
            <SecretNotice secret={created.secret} />
            <div className="flex justify-end">
              <Button onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <Form
            form={form}
            onSubmit={(values) =>
              create.mutate({
                url: values.url,
                description: values.description,
                events: values.all ? ['*'] : webhookEventTypes.filter((_, index) => values.chosen[eventKey(index)] === true),
              })
            }
            className="space-y-4"
          >
            <FormText name="url" label="Endpoint URL" placeholder="https://example.com/webhooks/cashdesk" autoFocus />
            <FormText name="description" label="Description (optional)" placeholder="e.g. Provisioning system" />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium">Events</legend>
              <FormCheckbox name="all">All events, including ones added later</FormCheckbox>
              {all ? null : (
                <div className="grid gap-1.5 sm:grid-cols-2">
                  {webhookEventTypes.map((type, index) => (
                    <FormCheckbox key={type} name={`chosen.${eventKey(index)}`} className="font-mono text-xs">
                      {type}
                    </FormCheckbox>
                  ))}
                </div>
              )}
              <FieldMessage />
            </fieldset>
            <FormError />
            <DialogActions onCancel={close} pending={create.isPending} submit={create.isPending ? 'Adding…' : 'Add endpoint'} />
          </Form>
        )}
      </Dialog>
    </>
  );
}

/** The server's word on the events list (e.g. none chosen), under the checkboxes. */
function FieldMessage() {
  const message = useFieldError('events');
  return message ? <p className="text-sm text-danger">{message}</p> : null;
}
