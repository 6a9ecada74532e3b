import Link from 'next/link';
import type { Change, ShownValue } from '@/server/audit-changes';

function Value({ value }: { value: ShownValue }) {
  return value.href ? (
    <Link href={value.href} className="text-accent hover:underline">
      {value.text}
    </Link>
  ) : (
    <span className="break-words">{value.text}</span>
  );
}

/** An audit entry's or a job's changes, one field a line: "Status: Pending → Paid". */
export function ChangeList({ changes, label }: { changes: Change[]; label?: string }) {
  if (changes.length === 0) return <p className="text-xs text-fg-muted">No details recorded.</p>;
  return (
    // relative: the screen-reader words ("from", "to") are positioned inside the list, so a card
    // that clips a narrow table clips them too instead of their widening the page.
    <ul className="relative space-y-0.5 text-xs" aria-label={label}>
      {changes.map((change, i) => (
        <li key={`${change.field}-${i}`}>
          <span className="text-fg-muted">{change.field}:</span>{' '}
          {change.before ? (
            <>
              <span className="sr-only">from </span>
              <Value value={change.before} />
              {change.after ? (
                <>
                  {' '}
                  <span aria-hidden>→</span>
                  <span className="sr-only">to</span>{' '}
                </>
              ) : (
                <span className="text-fg-muted"> (removed)</span>
              )}
            </>
          ) : null}
          {change.after ? <Value value={change.after} /> : null}
        </li>
      ))}
    </ul>
  );
}
