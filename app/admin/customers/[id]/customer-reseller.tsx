'use client';

import { UserRoundCog } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '../../../_components/ui/button';
import { AssignResellerDialog, type ResellerChoice } from './actions/assign-reseller-dialog';

/**
 * The customer's reseller in the Contact card (a `<dl>` row): its name, linked to its page for
 * those who manage resellers, and Assign / Change reseller for those who edit customers. Desk only.
 */
export function CustomerReseller({
  customerId,
  resellerId,
  resellers,
  canEdit,
  canOpenReseller,
}: {
  customerId: string;
  resellerId: string | null;
  resellers: ResellerChoice[];
  canEdit: boolean;
  canOpenReseller: boolean;
}) {
  const [open, setOpen] = useState(false);
  const current = resellers.find((r) => r.id === resellerId) ?? null;
  const name = current ? `${current.name}${current.active ? '' : ' (disabled)'}` : null;
  return (
    <div>
      <dt className="text-fg-muted">Reseller</dt>
      <dd className="flex flex-wrap items-center justify-between gap-2" data-testid="customer-reseller">
        {current && canOpenReseller ? (
          <Link href={`/admin/resellers/${current.id}`} className="text-accent hover:underline">
            {name}
          </Link>
        ) : (
          <span>{name ?? (resellerId ? 'A reseller' : 'None (direct customer)')}</span>
        )}
        {canEdit ? (
          <Button variant="ghost" className="h-7 px-2" onClick={() => setOpen(true)}>
            <UserRoundCog className="size-4" aria-hidden /> {resellerId ? 'Change reseller' : 'Assign reseller'}
          </Button>
        ) : null}
      </dd>
      {open ? <AssignResellerDialog customerId={customerId} current={current} resellers={resellers} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
