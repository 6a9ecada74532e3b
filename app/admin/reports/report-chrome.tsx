import { Download } from 'lucide-react';
import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import type { LocaleFormats } from '@/i18n/format';
import { rangePresetLabels, rangePresets, type RangePreset } from '@/server/billing/report-ranges';
import type { ServiceContext } from '@/server/services/context';
import { buttonClass } from '../../_components/ui/button';
import { Card, PageHeader } from '../../_components/ui/card';
import { cn } from '../../_components/ui/cn';
import { DataTable, type Column } from '../../_components/ui/data-table';
import { inputClass } from '../../_components/ui/field';
import { queryString } from '../../_lib/format';
import { moneyFormatter } from '../../_lib/money';
import { PrintButton } from './print-button';
import { currencyChoices, type ReportOutcome, type ReportParams } from './report-page';

/**
 * A report page as every one is laid out: its header, with the CSV and PDF of the range and currency
 * shown (`${path}/export`, the `csv` query and the report's currency); its controls; then the
 * body, given the report and its money format — or, figures in several currencies and none
 * chosen, the service's message instead.
 */
export async function ReportFrame<T extends { currency: string }>({
  ctx,
  title,
  description,
  path,
  csv,
  controls,
  outcome,
  children,
}: {
  ctx: ServiceContext;
  title: string;
  description: string;
  path: string;
  csv: Record<string, string | undefined>;
  controls: Omit<ComponentProps<typeof ReportControls>, 'path' | 'currency' | 'currencies'>;
  outcome: ReportOutcome<T>;
  children: (report: T, money: (value: bigint) => string) => ReactNode;
}) {
  const currency = outcome.report?.currency ?? null;
  const [money, currencies] = await Promise.all([moneyFormatter(), currencyChoices(ctx, currency ?? undefined)]);
  return (
    <>
      <ReportHeader title={title} description={description} exportHref={currency ? `${path}/export?${queryString({ ...csv, currency })}` : null} />
      <ReportControls path={path} {...controls} currency={currency} currencies={currencies} />
      {outcome.currencyMissing === null ? (
        children(outcome.report, (value) => money(value, outcome.report.currency))
      ) : (
        <CurrencyNeeded message={outcome.currencyMissing} />
      )}
    </>
  );
}

/** A report's title with its Download CSV and PDF (the range and currency shown) and Print. */
export function ReportHeader({ title, description, exportHref }: { title: string; description: string; exportHref: string | null }) {
  return (
    <PageHeader title={title} description={description}>
      <div className="flex gap-2 print:hidden">
        {exportHref ? (
          <>
            <a className={buttonClass('secondary')} href={exportHref} download data-testid="report-csv">
              <Download className="size-4" aria-hidden /> Download CSV
            </a>
            <a className={buttonClass('secondary')} href={`${exportHref}&format=pdf`} download data-testid="report-pdf">
              <Download className="size-4" aria-hidden /> Download PDF
            </a>
          </>
        ) : null}
        <PrintButton />
      </div>
    </PageHeader>
  );
}

const chip = (active: boolean) =>
  cn('rounded-md px-3 py-1.5 text-sm font-medium transition', active ? 'bg-accent/10 text-accent' : 'text-fg-muted hover:bg-muted hover:text-fg');

/** A row of links that set one URL parameter, the current one marked. */
export function Switch({ label, items }: { label: string; items: Array<{ key: string; label: string; href: string; active: boolean }> }) {
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-1">
      <span className="mr-1 text-xs font-medium text-fg-muted">{label}</span>
      {items.map((item) => (
        <Link key={item.key} href={item.href} aria-current={item.active ? 'true' : undefined} className={chip(item.active)}>
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

const errorText = (error: string | undefined) =>
  error ? (
    <span role="alert" className="font-normal text-danger">
      {error}
    </span>
  ) : null;

/** A date field of the controls' GET form. */
function DateField({ label, name, value, error }: { label: string; name: string; value: string; error: string | undefined }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
      {label}
      <input type="date" name={name} defaultValue={value} aria-invalid={error ? true : undefined} className={cn(inputClass, 'w-44')} />
      {errorText(error)}
    </label>
  );
}

/**
 * A report's controls, all in the URL (links and a GET form, read back by the server page): the
 * range — presets, or a custom From/To — or, for aging, the As of date; the currency; and any
 * switch of the report's own (`extra`). `anyCurrency`: the report can show every currency at
 * once, the switch's first choice. Hidden when printed.
 */
export function ReportControls({
  path,
  params,
  range,
  asOf,
  currency,
  currencies,
  anyCurrency = false,
  errors,
  extra,
}: {
  path: string;
  /** The URL's parameters, the report's own and any filter of the page, which the controls keep. */
  params: ReportParams & Record<string, string | undefined>;
  range?: { preset: RangePreset | 'custom'; from: string; to: string };
  asOf?: string;
  currency: string | null;
  currencies: string[];
  anyCurrency?: boolean;
  errors: Record<string, string>;
  extra?: { label: string; name: keyof ReportParams; current: string; options: Array<{ value: string; label: string }> };
}) {
  const href = (change: ReportParams) => `${path}?${queryString({ ...params, ...change })}`;
  // The form sends what it does not edit along, so applying a range keeps the currency.
  const kept = Object.entries(params).filter(([key, value]) => value && !['from', 'to', 'preset', 'as_of'].includes(key));
  return (
    <Card className="mb-6 space-y-3 p-4 print:hidden" data-testid="report-controls">
      {range ? (
        <Switch
          label="Range"
          items={rangePresets.map((p) => ({
            key: p,
            label: rangePresetLabels[p],
            href: href({ preset: p, from: undefined, to: undefined }),
            active: range.preset === p,
          }))}
        />
      ) : null}
      <form method="get" action={path} aria-label={range ? 'Custom range' : 'As of'} className="flex flex-wrap items-end gap-3">
        {kept.map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        {range ? (
          <>
            <DateField label="From" name="from" value={range.from} error={errors.from} />
            <DateField label="To" name="to" value={range.to} error={errors.to} />
          </>
        ) : (
          <DateField label="As of" name="as_of" value={asOf ?? ''} error={errors.as_of} />
        )}
        <button type="submit" className={buttonClass('secondary')}>
          {range ? 'Apply range' : 'Apply date'}
        </button>
        {range?.preset === 'custom' ? <span className="pb-2 text-xs text-fg-muted">Custom range</span> : null}
      </form>
      <Switch
        label="Currency"
        items={[
          ...(anyCurrency ? [{ key: 'all', label: 'All', href: href({ currency: undefined }), active: currency === null }] : []),
          ...currencies.map((c) => ({ key: c, label: c, href: href({ currency: c }), active: c === currency })),
        ]}
      />
      {errorText(errors.currency)}
      {extra ? (
        <Switch
          label={extra.label}
          items={extra.options.map((o) => ({ key: o.value, label: o.label, href: href({ [extra.name]: o.value }), active: o.value === extra.current }))}
        />
      ) : null}
      {extra ? errorText(errors[extra.name]) : null}
    </Card>
  );
}

/** What a printed page says it shows (the controls are not printed). */
export function ReportScope({ children }: { children: ReactNode }) {
  return (
    <p className="mb-4 text-sm text-fg-muted" data-testid="report-scope">
      {children}
    </p>
  );
}

export const rangeText = (formats: LocaleFormats, from: string, to: string) => `${formats.day(from)} – ${formats.day(to)}`;

/** Figures in several currencies and none chosen: the service's message, pointing at the switch. */
function CurrencyNeeded({ message }: { message: string }) {
  return (
    <Card className="p-6 text-sm" role="status" data-testid="report-currency-needed">
      <p className="font-medium">{message}.</p>
      <p className="mt-1 text-fg-muted">Pick a currency above to see the report.</p>
    </Card>
  );
}

export const cell = 'px-4 py-2.5';
export const amount = `${cell} text-right whitespace-nowrap tabular-nums`;

/**
 * A report's table in its card: scrolled on screen, printed whole. `total` is its last row's
 * figures, after "Total" (none: no such row).
 */
export function ReportTable({
  label,
  columns,
  empty,
  total,
  children,
}: {
  label: string;
  columns: readonly Column[];
  empty?: string;
  total?: string[] | null;
  children: ReactNode;
}) {
  return (
    <Card className="overflow-hidden">
      <div className="max-h-[70vh] overflow-auto print:max-h-none print:overflow-visible">
        <DataTable label={label} columns={columns} empty={empty}>
          {children}
          {total ? (
            <tr className="bg-muted/60 font-semibold">
              <td className={cell}>Total</td>
              {total.map((figure, i) => (
                <td key={i} className={amount}>
                  {figure}
                </td>
              ))}
            </tr>
          ) : null}
        </DataTable>
      </div>
    </Card>
  );
}

/**
 * One headline figure; with the previous period's and the change when compared (against what:
 * `versus`, e.g. "last month", else "before"); `children` below it (a note, a sparkline).
 */
export function StatTile({
  label,
  value,
  previous,
  change,
  versus,
  lowerIsBetter = false,
  href,
  testId,
  children,
}: {
  label: string;
  value: string;
  previous?: string;
  /** "+12.5 %", or null: nothing to compare against. */
  change?: string | null;
  versus?: string;
  /** A rise is bad news (churn, days to pay): coloured as a warning, a fall as good news. */
  lowerIsBetter?: boolean;
  href?: string;
  testId: string;
  children?: ReactNode;
}) {
  const [good, bad] = lowerIsBetter ? ['−', '+'] : ['+', '−'];
  const body = (
    <>
      <div className="text-xs font-medium uppercase tracking-wide text-fg-muted">{label}</div>
      <div className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
        {value}
      </div>
      {previous !== undefined ? (
        <div className="mt-1 text-xs text-fg-muted" data-testid={`${testId}-change`}>
          {change ? (
            <>
              <span className={cn('font-medium', change.startsWith(good) && 'text-success', change.startsWith(bad) && 'text-danger')}>{change}</span> vs{' '}
              {versus ? `${versus} (${previous})` : `${previous} before`}
            </>
          ) : versus ? (
            `Nothing to compare with ${versus} (${previous})`
          ) : (
            `Nothing to compare: ${previous} before`
          )}
        </div>
      ) : null}
      {children}
    </>
  );
  return (
    <Card className="p-4" data-testid={testId}>
      {href ? (
        <Link href={href} className="block hover:underline">
          {body}
        </Link>
      ) : (
        body
      )}
    </Card>
  );
}
