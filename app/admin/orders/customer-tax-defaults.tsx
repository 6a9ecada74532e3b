'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { describeCustomerTax } from '../../_lib/customer-tax';
import { useTRPC } from '../../_lib/trpc';

/**
 * The wizard's read-only view of the picked customer's tax defaults: the billing run taxes the
 * order's invoices with them, so they are changed on the customer, not on the order.
 */
export function CustomerTaxDefaults({ customerId }: { customerId: string | null }) {
  const trpc = useTRPC();
  const customer = useQuery({ ...trpc.customers.byId.queryOptions({ id: customerId ?? '' }), enabled: Boolean(customerId) });
  const settings = useQuery(trpc.settings.display.queryOptions());
  if (!customerId) return null;
  const c = customer.data;
  return (
    <section className="rounded-md border border-border p-3 text-sm sm:col-span-2" aria-label="Customer tax defaults">
      <h3 className="mb-2 font-medium">Customer tax defaults</h3>
      {c && settings.data ? (
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1">
          <div>
            <dt className="text-fg-muted">Tax</dt>
            <dd data-testid="wizard-customer-tax">{describeCustomerTax(settings.data.taxRate, c)}</dd>
          </div>
          <div>
            <dt className="text-fg-muted">Tax ID</dt>
            <dd>{c.taxId ?? 'None'}</dd>
          </div>
        </dl>
      ) : (
        <p className="text-fg-muted">Loading…</p>
      )}
      <p className="mt-2 text-fg-muted">
        They apply automatically to this order’s invoices.{' '}
        <Link href={`/admin/customers/${customerId}`} target="_blank" className="text-accent hover:underline">
          Edit the customer’s tax defaults
        </Link>
      </p>
    </section>
  );
}
