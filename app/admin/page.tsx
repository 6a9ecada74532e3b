import type { Metadata } from 'next';
import { Dashboard } from '../_components/console/dashboard';
import type { SearchParams } from '../_lib/format';
import { requireArea } from '../_lib/guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function AdminDashboard({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireArea('admin');
  const { currency } = await searchParams;
  return <Dashboard basePath="/admin" user={user} description="Your billing desk at a glance." currency={currency} />;
}
