import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { api } from '@/server/api/server-caller';
import { ListPager } from '../../_components/console/list-chrome';
import { Card, PageHeader } from '../../_components/ui/card';
import type { SearchParams } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { listParams, readParams } from '../../_lib/list-params';
import { pageFormats } from '../../_lib/money';
import { InvoiceRows } from '../invoice-rows';
import { openInvoices } from '../open-invoices';
import { MassPay } from './mass-pay';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('portal.invoices'))('title') };
}

/** Every invoice of the account: the ones still to pay on top (overdue first), then the rest, newest first. */
export default async function ClientInvoices({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireArea('client');
  const { cursor } = readParams(listParams.pages, await searchParams);
  const [t, formats] = await Promise.all([getTranslations('portal.invoices'), pageFormats()]);
  const [open, page] = await Promise.all([cursor ? Promise.resolve([]) : openInvoices(), (await api()).invoices.list({ limit: 50, cursor })]);
  const openIds = new Set(open.map((i) => i.id));
  const rest = page.items.filter((invoice) => !openIds.has(invoice.id));
  const rows = [...open, ...rest];
  // A credit top-up buys credit; it is paid on its own page, never in a batch.
  const payable = open.filter((invoice) => invoice.purpose !== 'top_up');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {payable.length > 1 ? (
        <MassPay invoices={payable.map((i) => ({ id: i.id, number: i.number, currency: i.currency, dueDate: i.dueDate, balance: i.balance.toString() }))} />
      ) : null}
      <Card className="overflow-hidden">
        <InvoiceRows invoices={rows} formats={formats} empty={t('empty')} />
        <ListPager shown={rows.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
