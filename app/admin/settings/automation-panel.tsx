'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Play } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { outputFacts } from '@/server/audit-changes';
import { fieldErrors, type FieldErrors } from '@/server/errors';
import { statusLabel } from '@/server/labels';
import { automationSettingsInput } from '@/server/schemas/automation';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { CopyButton } from '../../_components/ui/copy-button';
import { ConfirmDialog } from '../../_components/ui/dialog';
import { Field, Input, inputClass, TextField } from '../../_components/ui/field';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

type Status = {
  mode: 'inngest' | 'embedded';
  scheduler: 'inngest' | 'on' | 'off';
  webhookSecret: string;
  timeZone: string;
  today: string;
  crons: Array<{ workflow: string; cron: string; next: Date }>;
};
const label = { 'billing-run': 'Billing run', dunning: 'Dunning' } as const;
type Runnable = keyof typeof label;
// What a run does to every customer at once, said before it starts: neither can be undone.
const consequence: Record<Runnable, string> = {
  'billing-run':
    'It invoices every renewal due by that date, for every customer, and sends the invoices. It cannot be undone; a second run for the same date bills nothing more.',
  dunning: 'It sends reminders for overdue invoices, adds late fees and suspends services past their grace period, for every customer. It cannot be undone.',
};
// Schedules an admin reads but cannot start by hand here.
const scheduleLabel: Record<string, string> = { ...label, 'reconcile-payments': 'Payment reconciliation' };

/** A firing as the zone's clock shows it ("1 Dec 2026, 00:05 CET"), and in UTC when that differs. */
function inZone(at: Date, timeZone: string): string {
  const local = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
  if (timeZone === 'UTC') return local;
  return `${local} (${new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit' }).format(at)} UTC)`;
}

/** The schedules' time zone: an IANA name, suggested from the browser's list. */
function TimeZoneForm({ timeZone, inngest }: { timeZone: string; inngest: boolean }) {
  const [value, setValue] = useState(timeZone);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [zones, setZones] = useState<string[]>([]);
  const router = useRouter();
  const trpc = useTRPC();
  // The browser's list, filled on first focus (the server's list may differ: no hydration clash).
  const suggest = () => zones.length > 0 || setZones(['UTC', ...Intl.supportedValuesOf('timeZone').filter((z) => z !== 'UTC')]);
  const save = useMutation(
    trpc.automation.updateSettings.mutationOptions({
      // The field shows the zone as saved ("europe/berlin" → "Europe/Berlin").
      onSuccess: (saved) => (toast.success(`Schedules now follow ${saved.time_zone}`), setValue(saved.time_zone), setErrors({}), router.refresh()),
      onError: showFieldErrors(setErrors),
    }),
  );
  return (
    <form
      className="mb-4 grid items-start gap-3 sm:grid-cols-[20rem_auto]"
      aria-label="Time zone"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = automationSettingsInput.safeParse({ time_zone: value });
        if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
        setErrors({});
        save.mutate(parsed.data);
      }}
    >
      <TextField
        id="automation-time-zone"
        name="time_zone"
        label="Time zone"
        list="automation-time-zones"
        autoComplete="off"
        spellCheck={false}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onFocus={suggest}
        error={errors.time_zone}
      />
      <datalist id="automation-time-zones">
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <Button type="submit" variant="secondary" className="justify-self-start sm:mt-6" disabled={save.isPending}>
        Save time zone
      </Button>
      <p className="text-xs text-fg-muted sm:col-span-2">
        The daily runs fire on this zone’s clock and bill its calendar date; daylight saving is followed.
        {inngest ? ' Inngest registered the schedules when it last synced this app: resync it (or restart) after a change.' : ''}
      </p>
    </form>
  );
}

/** Settings → Automation: who runs the workflows, in which time zone and when they fire next, and "run it now". */
export function AutomationPanel({ status }: { status: Status }) {
  const today = status.today;
  const [workflow, setWorkflow] = useState<Runnable>('billing-run');
  const [date, setDate] = useState(today);
  const [eventId, setEventId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const trpc = useTRPC();
  const run = useMutation(
    trpc.automation.run.mutationOptions({
      onSuccess: (r) => (setConfirming(false), setEventId(r.eventId)),
      onError: (e) => (setConfirming(false), toast.error(e.message)),
    }),
  );
  const job = useQuery({
    ...trpc.automation.job.queryOptions({ eventId: eventId ?? '' }),
    enabled: eventId !== null,
    refetchInterval: (query) => (['completed', 'failed'].includes(query.state.data?.status ?? '') ? false : 1000),
  });
  const state = job.data?.status ?? (eventId ? 'queued' : null);
  const progress = state === 'completed' || state === 'failed' ? 100 : state === 'running' ? 60 : state === 'queued' ? 15 : 0;

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Automation</h2>
      <p className="mb-4 text-sm text-fg-muted">
        {status.mode === 'inngest'
          ? 'Workflows run on Inngest, which also fires the schedules.'
          : status.scheduler === 'on'
            ? 'Workflows run in this server (no Inngest configured); its scheduler fires them.'
            : 'Workflows run in this server, but its scheduler is off (CASHDESK_SCHEDULER=off): runs start only by hand.'}{' '}
        <Link href="/admin/jobs" className="text-accent underline">
          See all jobs →
        </Link>
      </p>
      <TimeZoneForm timeZone={status.timeZone} inngest={status.mode === 'inngest'} />
      <ul className="mb-4 space-y-1 text-sm" aria-label="Schedules">
        {status.crons.map((c) => (
          <li key={c.workflow}>
            <span className="font-medium">{scheduleLabel[c.workflow] ?? c.workflow}</span>{' '}
            <span className="text-fg-muted">
              ({c.cron} {status.timeZone}) next at {inZone(c.next, status.timeZone)}
            </span>
          </li>
        ))}
      </ul>
      <div className="mb-4 text-sm">
        <span className="font-medium">Provisioning webhook secret</span>{' '}
        <span className="text-fg-muted">(check the Cashdesk-Signature header: HMAC-SHA256 of “t.body”)</span>
        <div className="mt-1 flex items-center gap-1">
          <code className="min-w-0 rounded bg-muted px-2 py-1 text-xs break-all">{status.webhookSecret}</code>
          <CopyButton text={status.webhookSecret} label="Copy webhook secret" />
        </div>
      </div>
      <form
        className="grid items-end gap-3 sm:grid-cols-[12rem_12rem_auto]"
        aria-label="Run now"
        onSubmit={(e) => {
          e.preventDefault();
          setConfirming(true);
        }}
      >
        <Field label="Workflow" name="run-workflow">
          <select id="run-workflow" className={inputClass} value={workflow} onChange={(e) => setWorkflow(e.target.value as Runnable)}>
            <option value="billing-run">Billing run</option>
            <option value="dunning">Dunning</option>
          </select>
        </Field>
        <Field label="For the date" name="run-date">
          <Input id="run-date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <Button type="submit" disabled={run.isPending || (state !== null && progress < 100)}>
          <Play className="size-4" aria-hidden /> Run now
        </Button>
      </form>
      {confirming ? (
        <ConfirmDialog
          title={`Start the ${label[workflow].toLowerCase()} for ${date}?`}
          description={consequence[workflow]}
          confirm={`Start ${label[workflow].toLowerCase()}`}
          keep="Not now"
          pending={run.isPending}
          onClose={() => setConfirming(false)}
          onConfirm={() => {
            setEventId(null);
            run.mutate({ workflow, date });
          }}
        />
      ) : null}
      {state ? (
        <div className="mt-4 space-y-2 text-sm" aria-live="polite">
          <div
            className="h-2 overflow-hidden rounded-full bg-muted"
            role="progressbar"
            aria-label="Run progress"
            aria-valuenow={progress}
            aria-valuemin={0}
            aria-valuemax={100}
          >
            <div className={`h-full transition-all ${state === 'failed' ? 'bg-danger' : 'bg-accent'}`} style={{ width: `${progress}%` }} />
          </div>
          <p data-testid="run-summary">
            {state === 'completed' && job.data?.output
              ? outputFacts(job.data.output)
                  .filter((fact) => fact.field !== 'Date')
                  .map((fact) => `${fact.field}: ${fact.after?.text}`)
                  .join(' · ')
              : state === 'failed'
                ? `Failed: ${job.data?.error ?? 'see Jobs'}`
                : `${statusLabel(state)}…`}
          </p>
        </div>
      ) : null}
    </Card>
  );
}
