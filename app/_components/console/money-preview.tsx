'use client';

import type { ReactNode } from 'react';
import type { InvoiceKind } from '@/server/billing/invoice-status';
import { documentHeading } from '@/server/documents/model';
import { documentKindNames } from '../../_lib/format';
import { Facts } from '../ui/facts';

/** "Credit note CN-2026-00004": a document as a preview names it (a draft has no number yet). */
export const documentName = (kind: InvoiceKind, number: string | null) => documentHeading(documentKindNames[kind], number);

/**
 * What a money dialog's server preview says will be written, above its Confirm button: the
 * documents and amounts as `items`, or why there is nothing to show yet (`idle`: the input is
 * incomplete, or the server refused it and said why).
 */
export function MoneyPreview({
  asking,
  items,
  note,
  idle = 'Complete the form to see what this writes.',
  working = 'Working out what this writes…',
  label = 'Preview',
}: {
  asking: boolean;
  items: ReadonlyArray<readonly [string, ReactNode]> | null;
  note?: ReactNode;
  idle?: string;
  /** The words while the server is asked, and the region's name: a customer's page passes its language's. */
  working?: string;
  label?: string;
}) {
  return (
    <div className="rounded-md bg-muted p-3 text-sm" role="status" aria-label={label} aria-busy={asking}>
      {items ? (
        <>
          <Facts className="grid grid-cols-2 gap-x-6 gap-y-2" valueClassName="font-medium tabular-nums" items={items} />
          {note ? <p className="mt-2 text-fg-muted">{note}</p> : null}
        </>
      ) : (
        <p className="text-fg-muted">{asking ? working : idle}</p>
      )}
    </div>
  );
}
