'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { changeNameInput } from '@/server/schemas/account';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';
import { Button } from '../ui/button';
import { Form, FormText, setFieldErrors, useZodForm } from '../ui/form';

/** Any signed-in person's own name, as the console's header and audit trails show it. */
export function ChangeNameForm({ name }: { name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useZodForm(changeNameInput, { name });
  const change = useMutation(
    trpc.account.changeName.mutationOptions({
      onError: showFieldErrors(setFieldErrors(form)),
      onSuccess: (saved) => {
        form.reset(saved);
        toast.success('Name saved');
        router.refresh();
      },
    }),
  );

  return (
    <Form form={form} onSubmit={(v) => change.mutate(v)} className="space-y-4" aria-label="Change name">
      <FormText name="name" label="Name" autoComplete="name" />
      <Button type="submit" disabled={change.isPending}>
        {change.isPending ? 'Saving…' : 'Save name'}
      </Button>
    </Form>
  );
}
