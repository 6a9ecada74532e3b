import type { AuditEntry } from '@/server/services/audit/trail';
import { formatMoment } from '../../_lib/format';
import { Card } from '../ui/card';

/** A record's audit trail, newest first, each entry expandable to its before/after JSON. */
export function AuditLog({ entries, entity }: { entries: AuditEntry[]; entity: string }) {
  return (
    <Card className="p-5">
      <h2 className="mb-3 font-semibold">Log</h2>
      {entries.length === 0 ? <p className="text-sm text-fg-muted">Nothing recorded yet.</p> : null}
      <ol className="space-y-2 text-sm" aria-label="Audit log">
        {entries.map((entry) => (
          <li key={entry.id.toString()}>
            <details className="rounded-md border border-border px-3 py-2">
              <summary className="flex cursor-pointer justify-between gap-2">
                <span className="font-medium">{entry.action.replace(`${entity}.`, '').replaceAll(/[._]/g, ' ')}</span>
                <span className="text-fg-muted">
                  {entry.actorLabel} · {formatMoment(entry.at)}
                </span>
              </summary>
              <pre className="mt-2 max-h-60 overflow-auto rounded bg-muted p-2 text-xs">
                {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
              </pre>
            </details>
          </li>
        ))}
      </ol>
    </Card>
  );
}
