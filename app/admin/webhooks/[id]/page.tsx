import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../../../_components/ui/card';
import { cn } from '../../../_components/ui/cn';
import { DataTable } from '../../../_components/ui/data-table';
import { Facts } from '../../../_components/ui/facts';
import { StatusPill } from '../../../_components/ui/status-pill';
import { type SearchParams } from '../../../_lib/format';
import { requireArea } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';
import { endpointState } from '../endpoint-state';
import { EndpointActions, RetryDelivery } from './endpoint-actions';

export const metadata: Metadata = { title: 'Webhook endpoint' };

const statuses = ['pending', 'succeeded', 'failed'] as const;
type Status = (typeof statuses)[number];
// Bodies are long; the page shows their start (the API and the receiver have the whole of them).
const bodyChars = 4000;
const cut = (text: string) => (text.length > bodyChars ? `${text.slice(0, bodyChars)}…` : text);

/** One endpoint: what it receives, how it stands, and its latest deliveries with their bodies. */
export default async function WebhookEndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  await requireArea('admin');
  const formats = await consoleFormats();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const status = statuses.find((s) => s === query.status);
  const trpc = await api();
  const [endpoint, deliveries] = await Promise.all([trpc.webhooks.endpoint({ id }), trpc.webhooks.deliveries({ id, limit: 50, status })]);
  const state = endpointState(endpoint);
  return (
    <>
      <PageHeader title={endpoint.description ?? 'Webhook endpoint'} description={endpoint.url}>
        <EndpointActions id={endpoint.id} active={endpoint.active} />
      </PageHeader>
      <Card className="mb-6 p-4">
        <Facts
          className="grid gap-4 text-sm sm:grid-cols-2 lg:grid-cols-4"
          items={[
            ['Status', <StatusPill key="status" status={state.tone} label={state.label} />],
            ['Events', endpoint.events.includes('*') ? 'All events' : endpoint.events.join(', ')],
            ['Failing since', endpoint.failingSince ? formats.moment(endpoint.failingSince) : '—'],
            [
              'Previous secret',
              endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > new Date()
                ? `Signs too until ${formats.moment(endpoint.previousSecretExpiresAt)}`
                : '—',
            ],
          ]}
        />
      </Card>
      <Card className="overflow-x-auto">
        <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-4 py-3">
          <h2 className="font-semibold">Deliveries</h2>
          <nav aria-label="Filter deliveries" className="flex gap-1 text-sm">
            {[undefined, ...statuses].map((s: Status | undefined) => (
              <Link
                key={s ?? 'all'}
                href={s ? `?status=${s}` : '?'}
                aria-current={s === status ? 'page' : undefined}
                className={cn('rounded-md px-2 py-1 capitalize hover:bg-muted', s === status && 'bg-muted font-medium')}
              >
                {s ?? 'All'}
              </Link>
            ))}
          </nav>
        </div>
        <DataTable
          label="Deliveries"
          columns={[
            { label: 'Event' },
            { label: 'Status' },
            { label: 'Attempts', align: 'right' },
            { label: 'Response' },
            { label: 'Time', align: 'right' },
            { label: 'Created' },
            { label: 'Next attempt' },
            { label: 'Actions' },
          ]}
          empty={deliveries.items.length === 0 ? 'No deliveries yet. Send a test event to see one.' : undefined}
        >
          {deliveries.items.map((delivery) => (
            <tr key={delivery.id} className="align-top hover:bg-muted/40">
              <td className="max-w-md px-4 py-2.5">
                <details>
                  <summary className="cursor-pointer font-mono text-xs">{delivery.eventType}</summary>
                  <p className="mt-2 text-xs text-fg-muted">webhook-id {delivery.id}</p>
                  <h3 className="mt-2 text-xs font-medium">Request body</h3>
                  <pre className="mt-1 max-h-64 overflow-auto rounded bg-muted/50 p-2 text-xs whitespace-pre-wrap">
                    {cut(JSON.stringify({ type: delivery.eventType, timestamp: delivery.event.occurredAt.toISOString(), data: delivery.event.data }, null, 2))}
                  </pre>
                  <h3 className="mt-2 text-xs font-medium">Response</h3>
                  <pre className="mt-1 max-h-40 overflow-auto rounded bg-muted/50 p-2 text-xs whitespace-pre-wrap">
                    {delivery.lastResponse ? cut(delivery.lastResponse) : (delivery.lastError ?? 'No answer yet')}
                  </pre>
                </details>
              </td>
              <td className="px-4 py-2.5">
                <StatusPill status={delivery.status === 'succeeded' ? 'paid' : delivery.status} label={delivery.status} />
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums">{delivery.attempts}</td>
              <td className="px-4 py-2.5 text-sm">{delivery.lastStatusCode ?? (delivery.lastError ? 'No answer' : '—')}</td>
              <td className="px-4 py-2.5 text-right text-sm tabular-nums">{delivery.lastDurationMs === null ? '—' : `${delivery.lastDurationMs} ms`}</td>
              <td className="px-4 py-2.5 text-sm whitespace-nowrap text-fg-muted">{formats.moment(delivery.createdAt)}</td>
              <td className="px-4 py-2.5 text-sm whitespace-nowrap text-fg-muted">
                {delivery.status === 'pending' && delivery.nextAttemptAt ? formats.moment(delivery.nextAttemptAt) : '—'}
              </td>
              <td className="px-4 py-2.5">{delivery.status === 'succeeded' ? null : <RetryDelivery id={endpoint.id} deliveryId={delivery.id} />}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
