import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import { requireArea } from '../../_lib/guard';
import { consoleFormats } from '../../_lib/money';
import { AddEndpoint } from './add-endpoint';
import { endpointState } from './endpoint-state';

export const metadata: Metadata = { title: 'Webhooks' };

/** Webhook endpoints: where billing events go, and whether they get there. */
export default async function WebhooksPage() {
  await requireArea('admin');
  const formats = await consoleFormats();
  const endpoints = await (await api()).webhooks.endpoints();
  return (
    <>
      <PageHeader title="Webhooks" description="Other systems hear of invoices, payments, orders and services as they happen, signed (Standard Webhooks).">
        <AddEndpoint />
      </PageHeader>
      <Card className="overflow-x-auto">
        <DataTable
          label="Webhook endpoints"
          columns={[{ label: 'Endpoint' }, { label: 'Events' }, { label: 'Status' }, { label: 'Added' }]}
          empty={endpoints.length === 0 ? 'No endpoints yet. Add one to send billing events to another system.' : undefined}
        >
          {endpoints.map((endpoint) => {
            const state = endpointState(endpoint);
            return (
              <tr key={endpoint.id} className="hover:bg-muted/40">
                <td className="max-w-md px-4 py-2.5">
                  <Link href={`/admin/webhooks/${endpoint.id}`} className="font-medium break-all hover:underline">
                    {endpoint.url}
                  </Link>
                  {endpoint.description ? <p className="text-xs text-fg-muted">{endpoint.description}</p> : null}
                </td>
                <td className="px-4 py-2.5 text-sm">{endpoint.events.includes('*') ? 'All events' : endpoint.events.join(', ')}</td>
                <td className="px-4 py-2.5">
                  <StatusPill status={state.tone} label={state.label} />
                </td>
                <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{formats.moment(endpoint.createdAt)}</td>
              </tr>
            );
          })}
        </DataTable>
      </Card>
    </>
  );
}
