import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { monthOf } from '@/server/services/resellers/commissions';
import { Dashboard, Tile } from '../_components/console/dashboard';
import type { SearchParams } from '../_lib/format';
import { requireArea } from '../_lib/guard';
import { moneyFormatter } from '../_lib/money';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function ResellerDashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireArea('reseller');
  const { currency } = await searchParams;
  // Pages may read the real clock: the commission figures are this month's. The commissions
  // service returns this reseller's own rows, one per currency.
  const [commissions, money] = await Promise.all([(await api()).commissions.report(monthOf(new Date())), moneyFormatter()]);
  // Every other figure is the reseller's book: the dashboard service scopes by the signed-in actor.
  return (
    <Dashboard basePath="/reseller" user={user} description="Your book at a glance." currency={currency}>
      <Tile title="My commissions this month" href="/reseller/commissions" empty={commissions.length === 0 && 'No commission earned this month yet.'}>
        <ul className="divide-y divide-border text-sm" aria-label="Commissions this month">
          {commissions.map((row) => (
            <li key={row.currency} className="grid grid-cols-3 gap-2 py-2">
              <span>
                <span className="block text-xs text-fg-muted">Earned</span>
                <span className="font-semibold tabular-nums">{money(row.commissionEarned, row.currency)}</span>
              </span>
              <span>
                <span className="block text-xs text-fg-muted">Paid out</span>
                <span className="tabular-nums">{money(row.paidOut, row.currency)}</span>
              </span>
              <span>
                <span className="block text-xs text-fg-muted">Outstanding</span>
                <span className="tabular-nums">{money(row.outstanding, row.currency)}</span>
              </span>
            </li>
          ))}
        </ul>
      </Tile>
    </Dashboard>
  );
}
