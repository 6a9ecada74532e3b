import type { Metadata } from 'next';
import { workflows } from '@/inngest/functions';
import { api } from '@/server/api/server-caller';
import { outputFacts } from '@/server/audit-changes';
import { jobStatuses } from '@/server/jobs/job-status';
import { humanizeCode, statusLabel } from '@/server/labels';
import { ChangeList } from '../../_components/console/change-list';
import { FilterSelect } from '../../_components/console/filter-field';
import { FilterForm } from '../../_components/console/filter-form';
import { ListPager } from '../../_components/console/list-chrome';
import { RecordLink } from '../../_components/console/record-link';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { StatusPill } from '../../_components/ui/status-pill';
import { type SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { consoleFormats } from '../../_lib/money';
import { RetryJob } from './retry-job';

export const metadata: Metadata = { title: 'Jobs' };

const seconds = (from: Date | null, to: Date | null) => (from && to ? `${((to.getTime() - from.getTime()) / 1000).toFixed(1)} s` : '—');
const statuses = jobStatuses;

export default async function JobsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const formats = await consoleFormats();
  const raw = readParams(listParams.jobs, await searchParams);
  const status = statuses.find((s) => s === raw.status);
  const page = await (await api()).automation.jobs({ status, function: raw.function, cursor: raw.cursor, limit: 50 });
  return (
    <>
      <PageHeader title="Jobs" description="Every run of every workflow (billing, dunning, …): its steps, attempts and errors." />
      <FilterForm list="jobs" className="mb-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        <FilterSelect label="Status" name="status" options={statuses.map((s) => ({ value: s, label: statusLabel(s) }))} />
        <FilterSelect label="Workflow" name="function" options={workflows.map((w) => ({ value: w.id, label: humanizeCode(w.id) }))} />
      </FilterForm>
      <Card className="overflow-hidden">
        <DataTable
          scroll
          label="Jobs"
          columns={[
            { label: 'Workflow' },
            { label: 'Subject' },
            { label: 'Status' },
            { label: 'Attempts', align: 'right' },
            { label: 'Started' },
            { label: 'Took', align: 'right' },
            { label: 'Steps' },
          ]}
          empty={page.items.length === 0 ? 'No job matches these filters.' : undefined}
        >
          {page.items.map((job) => (
            <tr key={job.id} className="align-top">
              <td className="px-4 py-2.5 font-medium">{humanizeCode(job.function)}</td>
              <td className="px-4 py-2.5">
                <RecordLink type={job.subjectType} id={job.subjectId} />
              </td>
              <td className="px-4 py-2.5">
                <StatusPill status={job.status} />
                {job.status === 'failed' ? <RetryJob id={job.id} /> : null}
              </td>
              <td className="px-4 py-2.5 text-right tabular-nums">{job.attempts}</td>
              <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{job.startedAt ? formats.moment(job.startedAt) : 'queued'}</td>
              <td className="px-4 py-2.5 text-right tabular-nums">{seconds(job.startedAt, job.finishedAt)}</td>
              <td className="px-4 py-2.5">
                <details>
                  <summary className="cursor-pointer text-fg-muted">{job.steps.length} step(s)</summary>
                  <ol className="mt-1 space-y-1 text-xs">
                    {job.steps.map((step, i) => (
                      <li key={i} className={step.status === 'failed' ? 'text-danger' : ''}>
                        {humanizeCode(step.name)}: {statusLabel(step.status)} ({seconds(new Date(step.startedAt), new Date(step.finishedAt))})
                        {step.error ? ` — ${step.error}` : ''}
                      </li>
                    ))}
                  </ol>
                  {job.error ? <p className="mt-1 text-xs text-danger">{job.error}</p> : null}
                  {job.output ? (
                    <div className="mt-1">
                      <ChangeList changes={outputFacts(job.output)} label="Result" />
                    </div>
                  ) : null}
                </details>
              </td>
            </tr>
          ))}
        </DataTable>
        <ListPager shown={page.items.length} next={page.nextCursor} />
      </Card>
    </>
  );
}
