'use client';

import { useMutation } from '@tanstack/react-query';
import { Pencil, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { addNoteInput } from '@/server/schemas/notes';
import type { NoteView } from '@/server/services/notes/manage-notes';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';
import { useFormats } from '../money';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { inputClass } from '../ui/field';
import { useZodForm } from '../ui/form';

const noteForm = addNoteInput.pick({ body: true });

function NoteError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="mt-1 text-xs text-danger">
      Note {message}
    </p>
  ) : null;
}

function NoteItem({ note, editable }: { note: NoteView; editable: boolean }) {
  const [editing, setEditing] = useState(false);
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(noteForm, { body: note.body });
  const edit = useMutation(
    trpc.notes.edit.mutationOptions({ onError: toastError, onSuccess: () => (setEditing(false), toast.success('Note saved'), router.refresh()) }),
  );
  const remove = useMutation(trpc.notes.delete.mutationOptions({ onError: toastError, onSuccess: () => (toast.success('Note deleted'), router.refresh()) }));
  const formats = useFormats();
  const byline = `${note.author ?? 'System'} · ${formats.moment(note.createdAt)}${note.updatedAt.getTime() !== note.createdAt.getTime() ? ' · edited' : ''}`;

  if (editing) {
    return (
      <li className="py-2">
        <form onSubmit={form.handleSubmit((v) => edit.mutate({ noteId: note.id, body: v.body }))} noValidate>
          <textarea aria-label="Note" rows={3} autoFocus className={`${inputClass} h-auto py-2`} {...form.register('body')} />
          <NoteError message={form.formState.errors.body?.message} />
          <div className="mt-2 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => (form.reset(), setEditing(false))}>
              Cancel
            </Button>
            <Button type="submit" disabled={edit.isPending}>
              Save note
            </Button>
          </div>
        </form>
      </li>
    );
  }
  return (
    <li className="group flex items-start justify-between gap-3 py-2">
      <div className="min-w-0">
        <p className="whitespace-pre-wrap text-sm">{note.body}</p>
        <p className="mt-0.5 text-xs text-fg-muted">{byline}</p>
      </div>
      {editable ? (
        <div className="flex shrink-0 gap-1">
          <Button variant="ghost" className="h-7 px-2" aria-label="Edit note" onClick={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden />
          </Button>
          <Button
            variant="ghost"
            className="h-7 px-2"
            aria-label="Delete note"
            disabled={remove.isPending}
            onClick={() => window.confirm('Delete this note?') && remove.mutate({ noteId: note.id })}
          >
            <Trash2 className="size-4" aria-hidden />
          </Button>
        </div>
      ) : null}
    </li>
  );
}

/**
 * Internal notes on an order or a customer. On an order, the customer's own notes show below,
 * read-only: they are edited on the customer's page.
 */
export function Notes({
  subject,
  own,
  customer = [],
  canEdit,
}: {
  subject: { scope: 'order' | 'customer'; id: string };
  own: NoteView[];
  customer?: NoteView[];
  canEdit: boolean;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(noteForm, { body: '' });
  const add = useMutation(
    trpc.notes.add.mutationOptions({
      // Whatever the server refuses, the note is what it is about.
      onError: (e) => form.setError('body', { message: e.data?.fields?.body ?? e.message }),
      onSuccess: () => (form.reset(), toast.success('Note added'), router.refresh()),
    }),
  );
  const error = form.formState.errors.body?.message;

  return (
    <Card className="p-5">
      <h2 className="mb-2 font-semibold">Notes</h2>
      {canEdit ? (
        <form onSubmit={form.handleSubmit((v) => add.mutate({ ...subject, body: v.body }))} noValidate className="mb-3">
          <textarea
            {...form.register('body')}
            aria-label="New note"
            rows={2}
            placeholder={subject.scope === 'order' ? 'A note on this order, for the team' : 'A note on this customer, shown on all their orders'}
            aria-invalid={error ? true : undefined}
            className={`${inputClass} h-auto py-2`}
          />
          <NoteError message={error} />
          <div className="mt-2 flex justify-end">
            <Button type="submit" variant="secondary" disabled={add.isPending}>
              Add note
            </Button>
          </div>
        </form>
      ) : null}
      <ul className="divide-y divide-border" aria-label={subject.scope === 'order' ? 'Order notes' : 'Customer notes'}>
        {own.map((note) => (
          <NoteItem key={note.id} note={note} editable={canEdit} />
        ))}
        {own.length === 0 ? <li className="py-2 text-sm text-fg-muted">No notes yet.</li> : null}
      </ul>
      {subject.scope === 'order' ? (
        <>
          <h3 className="mt-4 mb-1 text-sm font-medium text-fg-muted">About the customer</h3>
          <ul className="divide-y divide-border" aria-label="Customer notes">
            {customer.map((note) => (
              <NoteItem key={note.id} note={note} editable={false} />
            ))}
            {customer.length === 0 ? <li className="py-2 text-sm text-fg-muted">No customer notes.</li> : null}
          </ul>
        </>
      ) : null}
    </Card>
  );
}
