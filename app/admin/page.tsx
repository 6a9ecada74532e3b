import type { Metadata } from 'next';
import { Dashboard } from '../_components/console/dashboard';
import { requireArea } from '../_lib/guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function AdminDashboard() {
  const user = await requireArea('admin');
  return <Dashboard basePath="/admin" user={user} description="Your billing desk at a glance." />;
}
