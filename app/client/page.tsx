import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../_components/ui/card';
import { requireArea } from '../_lib/guard';
import { moneyFormatter } from '../_lib/money';

export const metadata: Metadata = { title: 'My account' };

export default async function ClientHome() {
  await requireArea('client');
  const money = await moneyFormatter();
  const account = await (await api()).customers.mine();
  return (
    <>
      <PageHeader title="My account" description="Your billing details with us." />
      <Card className="grid gap-6 p-6 sm:grid-cols-2">
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="text-fg-muted">Name</dt>
              <dd className="font-medium">{account.name}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">E-mail</dt>
              <dd className="font-medium">{account.email}</dd>
            </div>
            <div>
              <dt className="text-fg-muted">Company</dt>
              <dd className="font-medium">{account.company ?? '—'}</dd>
            </div>
          </dl>
          <div className="rounded-md bg-muted p-4">
            <div className="text-sm text-fg-muted">Credit balance</div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{money(account.creditBalance, account.currency)}</div>
          </div>
      </Card>
    </>
  );
}
