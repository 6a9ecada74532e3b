'use client';

import { useMutation } from '@tanstack/react-query';
import { BookmarkPlus, Pencil, X } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import type { FieldErrors } from '@/server/errors';
import { renameSavedViewInput, type ViewList } from '@/server/schemas/saved-views';
import { queryString } from '../../_lib/format';
import { useTRPC } from '../../_lib/trpc';
import { toastError, useFinish } from '../../_lib/use-finish';
import { Button } from '../ui/button';
import { cn } from '../ui/cn';
import { ConfirmDialog, Dialog, DialogActions } from '../ui/dialog';
import { Form, FormError, FormText, useZodForm } from '../ui/form';

export type ViewChip = { id: string; name: string; query: Record<string, string> };

const nameForm = renameSavedViewInput.pick({ name: true });
type NameForm = ReturnType<typeof useZodForm<typeof nameForm>>;

const sameQuery = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([key, value]) => b[key] === value);

/**
 * The signed-in person's saved views of a list, as chips above its filters: each is a link to the
 * list with its query; "Save view…" keeps the filters now in the URL (`current`, no page cursor)
 * under a name. The chip of the filters shown is marked current.
 */
export function SavedViews({ list, path, views, current }: { list: ViewList; path: string; views: ViewChip[]; current: Record<string, string> }) {
  const [dialog, setDialog] = useState<{ kind: 'save' } | { kind: 'rename' | 'delete'; view: ViewChip } | null>(null);
  const close = () => setDialog(null);
  return (
    <nav aria-label="Saved views" className="mb-3 flex flex-wrap items-center gap-2">
      {views.map((view) => {
        const active = sameQuery(view.query, current);
        return (
          <span
            key={view.id}
            className={cn(
              'inline-flex items-center rounded-full border border-border text-sm',
              active ? 'border-accent bg-accent/10 font-medium' : 'bg-surface',
            )}
          >
            <Link href={`${path}?${queryString(view.query)}`} aria-current={active ? 'page' : undefined} className="py-1 pr-1 pl-3 hover:underline">
              {view.name}
            </Link>
            <button
              type="button"
              aria-label={`Rename view ${view.name}`}
              onClick={() => setDialog({ kind: 'rename', view })}
              className="rounded-full p-1 text-fg-muted hover:bg-muted hover:text-fg"
            >
              <Pencil className="size-3" aria-hidden />
            </button>
            <button
              type="button"
              aria-label={`Delete view ${view.name}`}
              onClick={() => setDialog({ kind: 'delete', view })}
              className="mr-1 rounded-full p-1 text-fg-muted hover:bg-muted hover:text-fg"
            >
              <X className="size-3" aria-hidden />
            </button>
          </span>
        );
      })}
      <Button variant="ghost" onClick={() => setDialog({ kind: 'save' })}>
        <BookmarkPlus className="size-4" aria-hidden /> Save view…
      </Button>
      {dialog?.kind === 'save' ? <SaveViewDialog list={list} query={current} onClose={close} /> : null}
      {dialog?.kind === 'rename' ? <RenameViewDialog view={dialog.view} onClose={close} /> : null}
      {dialog?.kind === 'delete' ? <DeleteViewDialog view={dialog.view} onClose={close} /> : null}
    </nav>
  );
}

/**
 * The name's error under its field; a filter the list refuses (`query.<filter>`) cannot be fixed
 * here, so those are said above the buttons, each with the filter it is about.
 */
const showViewErrors = (form: NameForm) => (error: { message: string; data?: { fields?: FieldErrors | undefined } | null }) => {
  const fields = error.data?.fields;
  if (!fields) return toastError(error);
  if (fields.name) form.setError('name', { message: fields.name });
  const filters = Object.entries(fields).filter(([key]) => key.startsWith('query.'));
  if (filters.length > 0)
    form.setError('root', {
      message: `These filters cannot be saved: ${filters.map(([key, message]) => `${key.slice('query.'.length)} ${message}`).join('; ')}`,
    });
};

function SaveViewDialog({ list, query, onClose }: { list: ViewList; query: Record<string, string>; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(nameForm, { name: '' });
  const save = useMutation(trpc.savedViews.create.mutationOptions({ onSuccess: (view) => finish(`View “${view.name}” saved`), onError: showViewErrors(form) }));
  return (
    <Dialog open onOpenChange={(open) => open || onClose()} title="Save view" description="Keeps this list’s current filters under a name only you see.">
      <Form form={form} className="space-y-4" onSubmit={({ name }) => save.mutate({ list, name, query })}>
        <FormText name="name" label="Name" autoFocus maxLength={60} />
        <FormError />
        <DialogActions onCancel={onClose} pending={save.isPending} submit={save.isPending ? 'Saving…' : 'Save view'} />
      </Form>
    </Dialog>
  );
}

function RenameViewDialog({ view, onClose }: { view: ViewChip; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const form = useZodForm(nameForm, { name: view.name });
  const rename = useMutation(
    trpc.savedViews.rename.mutationOptions({ onSuccess: (renamed) => finish(`View renamed to “${renamed.name}”`), onError: showViewErrors(form) }),
  );
  return (
    <Dialog open onOpenChange={(open) => open || onClose()} title="Rename view">
      <Form form={form} className="space-y-4" onSubmit={({ name }) => rename.mutate({ id: view.id, name })}>
        <FormText name="name" label="Name" autoFocus maxLength={60} />
        <FormError />
        <DialogActions onCancel={onClose} pending={rename.isPending} submit={rename.isPending ? 'Renaming…' : 'Rename'} />
      </Form>
    </Dialog>
  );
}

function DeleteViewDialog({ view, onClose }: { view: ViewChip; onClose: () => void }) {
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const remove = useMutation(trpc.savedViews.delete.mutationOptions({ onSuccess: () => finish(`View “${view.name}” deleted`), onError: toastError }));
  return (
    <ConfirmDialog
      title="Delete view"
      description={`“${view.name}” goes from your saved views; the list and its records stay as they are.`}
      confirm="Delete view"
      onConfirm={() => remove.mutate({ id: view.id })}
      onClose={onClose}
      pending={remove.isPending}
      danger
    />
  );
}
