import Link from 'next/link';
import { humanize } from '../../_lib/format';
import type { FormatMoney } from '../../_lib/money';
import { StatusPill } from '../ui/status-pill';
import type { ConsoleBase } from './base-path';

type Row = { id: string; number: string | null; kind: string; status: string; balance: bigint; currency: string; customerId: string; customerName?: string };

/** A compact list of invoices — number, kind, whose (when asked), what is left and the status — each linking to its page. */
export function InvoiceRows({
  invoices,
  basePath,
  money,
  label,
  showCustomer = false,
}: {
  invoices: readonly Row[];
  basePath: ConsoleBase;
  money: FormatMoney;
  label: string;
  showCustomer?: boolean;
}) {
  return (
    <ul className="divide-y divide-border text-sm" aria-label={label}>
      {invoices.map((i) => (
        <li key={i.id} className="flex items-center justify-between gap-2 py-2">
          <span className="min-w-0">
            <Link href={`${basePath}/invoices/${i.id}`} className="text-accent hover:underline">
              {i.number ?? 'Draft'} {i.kind !== 'invoice' ? <span className="text-fg-muted">· {humanize(i.kind)}</span> : null}
            </Link>
            {showCustomer && i.customerName ? (
              <>
                <span className="text-fg-muted"> · </span>
                <Link href={`${basePath}/customers/${i.customerId}`} className="text-fg-muted hover:underline">
                  {i.customerName}
                </Link>
              </>
            ) : null}
          </span>
          <span className="flex items-center gap-2 tabular-nums">
            {money(i.balance, i.currency)} <StatusPill status={i.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}
