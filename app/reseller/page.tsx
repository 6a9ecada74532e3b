import type { Metadata } from 'next';
import Link from 'next/link';
import { Dashboard, Tile } from '../_components/console/dashboard';
import { requireArea } from '../_lib/guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function ResellerDashboard() {
  const user = await requireArea('reseller');
  // Every figure is the reseller's book: the dashboard service scopes by the signed-in actor.
  return (
    <Dashboard basePath="/reseller" user={user} description="Your book at a glance.">
      <Tile title="My commissions" href="/reseller/commissions">
        <p className="text-sm text-fg-muted">
          Earned, paid out and outstanding this month are on{' '}
          <Link href="/reseller/commissions" className="text-accent hover:underline">
            My commissions
          </Link>
          .
        </p>
      </Tile>
    </Dashboard>
  );
}
