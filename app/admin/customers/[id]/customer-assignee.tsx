'use client';

import { UserRoundCog } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '../../../_components/ui/button';
import { AssignDialog, assigneeTexts, type AssigneeChoice, type AssigneeKind } from './actions/assign-dialog';

/**
 * The customer's reseller or cash collector in the Contact card (a `<dl>` row): its name, linked
 * to its page when there is one the viewer may open, and Assign / Change for those who edit customers. Desk only.
 */
export function CustomerAssignee({
  kind,
  customerId,
  assigneeId,
  choices,
  canEdit,
  href,
}: {
  kind: AssigneeKind;
  customerId: string;
  assigneeId: string | null;
  choices: AssigneeChoice[];
  canEdit: boolean;
  /** The assignee's page, when the viewer may open it. */
  href?: string | undefined;
}) {
  const texts = assigneeTexts[kind];
  const [open, setOpen] = useState(false);
  const current = choices.find((c) => c.id === assigneeId) ?? null;
  const name = current ? `${current.name}${current.active ? '' : ' (disabled)'}` : null;
  return (
    <div>
      <dt className="text-fg-muted">{texts.label}</dt>
      <dd className="flex flex-wrap items-center justify-between gap-2" data-testid={`customer-${kind}`}>
        {current && href ? (
          <Link href={href} className="text-accent hover:underline">
            {name}
          </Link>
        ) : (
          <span>{name ?? (assigneeId ? `A ${texts.label.toLowerCase()}` : texts.none)}</span>
        )}
        {canEdit ? (
          <Button variant="ghost" className="h-7 px-2" onClick={() => setOpen(true)}>
            <UserRoundCog className="size-4" aria-hidden /> {assigneeId ? texts.change : texts.assign}
          </Button>
        ) : null}
      </dd>
      {open ? <AssignDialog kind={kind} customerId={customerId} current={current} choices={choices} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
