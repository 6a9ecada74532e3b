import { ArrowLeft } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { api } from '@/server/api/server-caller';
import { optionSummary } from '@/server/billing/pricing';
import { buttonClass } from '../../../_components/ui/button';
import { Card, PageHeader } from '../../../_components/ui/card';
import { DataTable } from '../../../_components/ui/data-table';
import { Facts } from '../../../_components/ui/facts';
import { StatusPill } from '../../../_components/ui/status-pill';
import { formatDay, humanize } from '../../../_lib/format';
import { recordId, requireArea } from '../../../_lib/guard';
import { moneyFormatter } from '../../../_lib/money';
import { CancelService, PortalChangePlan } from './actions';

type Props = { params: Promise<{ id: string }> };

// Once per request, shared by the page and its metadata; another customer's service is the 404 page.
const load = cache(async (serviceId: string) =>
  (await api()).portal.service({ serviceId }).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'NOT_FOUND') notFound();
    throw error;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await load(await recordId(params))).name };
}

export default async function ClientService({ params }: Props) {
  await requireArea('client');
  const service = await load(await recordId(params));
  const money = await moneyFormatter();
  const live = service.status === 'active' && service.cancelAt === null;
  const options = optionSummary(service.options);
  return (
    <>
      <div className="mb-4">
        <Link href="/client/services" className={buttonClass('ghost')}>
          <ArrowLeft className="size-4" aria-hidden /> All services
        </Link>
      </div>
      <PageHeader title={service.name} description={`Part of order ${service.order.number}.`}>
        {live && service.selfService.plan_changes ? <PortalChangePlan service={{ id: service.id, name: service.name, currency: service.currency }} /> : null}
        {live || (service.status === 'suspended' && service.cancelAt === null) ? (
          <CancelService service={{ id: service.id, name: service.name, currency: service.currency }} mode={service.selfService.cancellation} />
        ) : null}
      </PageHeader>
      {service.cancelAt && service.status !== 'cancelled' ? (
        <p role="status" className="mb-4 rounded-md border border-border bg-muted p-3 text-sm">
          Cancelled at your request: it stays in service until {formatDay(service.cancelAt)} and is not renewed.
        </p>
      ) : null}
      <Card className="mb-6 p-4 sm:p-6">
        <Facts
          className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-3"
          valueClassName="font-medium"
          items={[
            ['Status', <StatusPill key="status" status={service.status} />],
            ['Price', `${money(service.price, service.currency)} ${humanize(service.cycle)}`],
            ['Options', options === '' ? 'None' : options],
            ['Paid period', service.periodStart && service.periodEnd ? `${formatDay(service.periodStart)} – ${formatDay(service.periodEnd)}` : '—'],
            [
              'Next invoice',
              service.nextInvoice ? (
                <span key="next" data-testid="next-invoice">
                  {formatDay(service.nextInvoice.issuedOn)}, due {formatDay(service.nextInvoice.dueOn)}
                </span>
              ) : (
                'None coming'
              ),
            ],
            [
              'Order',
              <Link key="order" href={`/client/orders/${service.order.id}`} className="text-accent hover:underline">
                {service.order.number}
              </Link>,
            ],
          ]}
        />
      </Card>
      <h2 className="mb-3 text-lg font-semibold">Invoices</h2>
      <Card className="overflow-x-auto">
        <DataTable
          label="Service invoices"
          columns={[{ label: 'Invoice' }, { label: 'Issued' }, { label: 'Total', align: 'right' }, { label: 'To pay', align: 'right' }, { label: 'Status' }]}
          empty={service.invoices.length === 0 ? 'No invoices yet.' : undefined}
        >
          {service.invoices.map((invoice) => (
            <tr key={invoice.id}>
              <td className="px-4 py-2.5 font-medium whitespace-nowrap">
                <Link href={`/client/invoices/${invoice.id}`} className="text-accent hover:underline">
                  {invoice.number ?? 'Invoice'}
                </Link>
              </td>
              <td className="px-4 py-2.5 whitespace-nowrap">{formatDay(invoice.issueDate)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.total, service.currency)}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{money(invoice.balance, service.currency)}</td>
              <td className="px-4 py-2.5">
                <StatusPill status={invoice.status} />
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
