'use client';

import { Percent } from 'lucide-react';
import { useState } from 'react';
import { Button } from '../../../_components/ui/button';
import { describeCustomerTax } from '../../../_lib/customer-tax';
import { TaxDefaultsDialog } from './actions/tax-defaults-dialog';

/** The customer's tax defaults in the Contact card (a `<dl>` row), and Edit tax defaults for those who edit customers. */
export function CustomerTax({
  customer,
  settingsRate,
  canEdit,
}: {
  customer: { id: string; taxExempt: boolean; taxRateOverride: string | null };
  settingsRate: string;
  canEdit: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <dt className="text-fg-muted">Tax</dt>
      <dd className="flex flex-wrap items-center justify-between gap-2" data-testid="customer-tax">
        <span>{describeCustomerTax(settingsRate, customer)}</span>
        {canEdit ? (
          <Button variant="ghost" className="h-7 px-2" onClick={() => setOpen(true)}>
            <Percent className="size-4" aria-hidden /> Edit tax defaults
          </Button>
        ) : null}
      </dd>
      {open ? <TaxDefaultsDialog customer={customer} settingsRate={settingsRate} onClose={() => setOpen(false)} /> : null}
    </div>
  );
}
