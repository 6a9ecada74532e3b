import { changeList } from '@/server/audit-changes';
import { humanizeCode } from '@/server/labels';
import type { AuditEntry } from '@/server/services/audit/trail';
import { consoleFormats } from '../../_lib/money';
import { Card } from '../ui/card';
import { ChangeList } from './change-list';

/** A record's audit trail, newest first: what was done, by whom, and what it changed. */
export async function AuditLog({ entries, entity }: { entries: AuditEntry[]; entity: string }) {
  const formats = await consoleFormats();
  return (
    <Card className="p-5">
      <h2 className="mb-3 font-semibold">Log</h2>
      {entries.length === 0 ? <p className="text-sm text-fg-muted">Nothing recorded yet.</p> : null}
      <ol className="space-y-2 text-sm" aria-label="Audit log">
        {entries.map((entry) => (
          <li key={entry.id.toString()} className="rounded-md border border-border px-3 py-2">
            <div className="flex flex-wrap justify-between gap-x-2">
              <span className="font-medium">{humanizeCode(entry.action.replace(`${entity}.`, ''))}</span>
              <span className="text-fg-muted">
                {entry.actorLabel} · {formats.moment(entry.at)}
              </span>
            </div>
            <div className="mt-1">
              <ChangeList changes={changeList(entry.before, entry.after)} />
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
