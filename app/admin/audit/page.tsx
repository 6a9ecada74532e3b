import type { Metadata } from 'next';
import { dateLocales } from '@/i18n/format';
import { api } from '@/server/api/server-caller';
import { changeList } from '@/server/audit-changes';
import { humanizeCode } from '@/server/labels';
import { ChangeList } from '../../_components/console/change-list';
import { FilterDate, FilterSelect, FilterText } from '../../_components/console/filter-field';
import { FilterForm } from '../../_components/console/filter-form';
import { ListPager } from '../../_components/console/list-chrome';
import { RecordLink } from '../../_components/console/record-link';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { requireArea } from '../../_lib/guard';
import { listParams, readParams } from '../../_lib/list-params';
import { consoleFormats } from '../../_lib/money';

export const metadata: Metadata = { title: 'Audit log' };

const isDate = (v: string | undefined) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireArea('admin');
  // To the second, in the console's locale: entries of one minute still read in order.
  const { format: moment } = new Intl.DateTimeFormat(dateLocales[(await consoleFormats()).locale], {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: 'UTC',
  });
  const params = await searchParams;
  const raw = readParams(listParams.audit, params);
  const page = await (
    await api()
  ).people.audit({
    actor: raw.actor,
    entity_type: raw.entity_type,
    action: raw.action,
    from: isDate(raw.from),
    to: isDate(raw.to),
    before: raw.before && /^\d+$/.test(raw.before) ? raw.before : undefined,
    limit: 50,
  });
  return (
    <>
      <PageHeader title="Audit log" description="Every change, who made it, and what it changed." />
      <FilterForm list="audit" pageKey="before" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-5">
        <FilterText label="Actor" name="actor" placeholder="e-mail, api key, system" />
        <FilterSelect
          label="Entity"
          name="entity_type"
          options={[
            'invoice',
            'order',
            'customer',
            'service',
            'product',
            'coupon',
            'settings',
            'api_key',
            'user',
            'billing_run',
            'dunning_run',
            'workflow',
            'job',
          ]}
        />
        <FilterText label="Action" name="action" placeholder="e.g. payment" />
        <FilterDate label="From" name="from" />
        <FilterDate label="To" name="to" />
      </FilterForm>
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label="Audit entries"
          columns={[{ label: 'When' }, { label: 'Who' }, { label: 'Action' }, { label: 'Record' }]}
          empty={page.items.length === 0 ? 'Nothing matches these filters.' : undefined}
        >
          {page.items.map((entry) => (
            <tr key={entry.id.toString()} className="align-top">
              <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{moment(entry.at)}</td>
              <td className="px-4 py-2.5">
                {entry.actorLabel}
                {entry.ip ? <div className="text-xs text-fg-muted">{entry.ip}</div> : null}
              </td>
              <td className="px-4 py-2.5">
                <div className="font-medium">{humanizeCode(entry.action)}</div>
                <ChangeList changes={changeList(entry.before, entry.after)} />
              </td>
              <td className="px-4 py-2.5 text-xs">
                <RecordLink type={entry.entityType} id={entry.entityId} />
              </td>
            </tr>
          ))}
        </DataTable>
        <ListPager shown={page.items.length} next={page.nextBefore} pageKey="before" />
      </Card>
    </>
  );
}
