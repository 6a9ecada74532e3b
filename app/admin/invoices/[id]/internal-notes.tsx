'use client';

import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from '../../../_components/ui/button';
import { Card } from '../../../_components/ui/card';
import { inputClass } from '../../../_components/ui/field';
import { useTRPC } from '../../../_lib/trpc';
import { toastError, useFinish } from '../../../_lib/use-finish';

/**
 * The desk's own notes on a document: never printed, mailed or shown to the customer, so they
 * stay editable whatever the document's state (paid, cancelled, locked).
 */
export function InternalNotes({ invoiceId, notes, canEdit }: { invoiceId: string; notes: string | null; canEdit: boolean }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(notes ?? '');
  const trpc = useTRPC();
  const finish = useFinish(() => setEditing(false));
  const save = useMutation(trpc.invoices.update.mutationOptions({ onError: toastError, onSuccess: () => finish('Internal notes saved') }));

  return (
    <Card className="mt-6 p-5" aria-label="Internal notes">
      <div className="mb-2 flex items-center justify-between gap-2">
        <h2 className="font-semibold">Internal notes</h2>
        {canEdit && !editing ? (
          <Button variant="secondary" className="h-8 px-3 text-sm" onClick={() => (setDraft(notes ?? ''), setEditing(true))}>
            Edit internal notes
          </Button>
        ) : null}
      </div>
      <p className="mb-3 text-xs text-fg-muted">Only your team sees these: they are not printed, e-mailed or shown to the customer.</p>
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ id: invoiceId, internal_notes: draft.trim() ? draft : null });
          }}
        >
          <textarea
            aria-label="Internal notes"
            rows={3}
            maxLength={10_000}
            autoFocus
            className={`${inputClass} h-auto py-2`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
          />
          <div className="mt-2 flex justify-end gap-2">
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={save.isPending}>
              Save internal notes
            </Button>
          </div>
        </form>
      ) : notes ? (
        <p className="text-sm whitespace-pre-wrap" data-testid="internal-notes">
          {notes}
        </p>
      ) : (
        <p className="text-sm text-fg-muted">No internal notes.</p>
      )}
    </Card>
  );
}
