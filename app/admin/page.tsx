import { Users } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../_components/ui/card';
import { requireArea } from '../_lib/guard';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function AdminDashboard() {
  const user = await requireArea('admin');
  const latest = await (await api()).customers.list({ limit: 5 });
  return (
    <>
      <PageHeader title={`Welcome back, ${user.name.split(' ')[0]}`} description="Your billing desk at a glance." />
      <Card className="p-5">
        <div className="mb-3 flex items-center justify-between">
          <h2 className="flex items-center gap-2 font-semibold">
            <Users className="size-4 text-fg-muted" aria-hidden /> Newest customers
          </h2>
          <Link href="/admin/customers" className="text-sm text-accent hover:underline">
            All customers →
          </Link>
        </div>
        <ul className="divide-y divide-border text-sm">
          {latest.items.map((c) => (
            <li key={c.id} className="flex justify-between py-2">
              <span className="font-medium">{c.name}</span>
              <span className="text-fg-muted">{c.email}</span>
            </li>
          ))}
        </ul>
      </Card>
    </>
  );
}
