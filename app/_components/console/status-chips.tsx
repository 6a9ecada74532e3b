import Link from 'next/link';
import { queryString } from '../../_lib/format';
import { cn } from '../ui/cn';

export type Chip = { label: string; value: string; count: number };

/**
 * A list's status chips above its filters: All and each status with how many rows the other
 * filters select (the service counts them), the chosen one marked. Each is a link to the list
 * with that status and the same other filters, from the first page: plain links, so they work
 * before the page's script runs.
 */
export function StatusChips({
  path,
  query,
  current,
  chips,
  groups = [],
  param = 'status',
  label = 'Statuses',
}: {
  path: string;
  /** The list's URL parameters now (filters and sort). */
  query: Record<string, string | undefined>;
  current: string | undefined;
  /** One per status: All is their sum. */
  chips: readonly Chip[];
  /** Several statuses at once (Unpaid: pending, partial and overdue), shown after All. */
  groups?: readonly Chip[];
  param?: string;
  /** The chips' name for assistive technology. */
  label?: string;
}) {
  const all = chips.reduce((sum, chip) => sum + chip.count, 0);
  const items = [{ label: 'All', value: '', count: all }, ...groups, ...chips].filter((chip) => chip.count > 0 || chip.value === '' || chip.value === current);
  return (
    <nav aria-label={label} className="mb-3 flex gap-2 overflow-x-auto pb-1">
      {items.map((chip) => {
        const active = (current ?? '') === chip.value;
        return (
          <Link
            key={chip.value || 'all'}
            href={`${path}?${queryString({ ...query, [param]: chip.value || undefined, cursor: undefined })}`}
            aria-current={active ? 'page' : undefined}
            className={cn(
              'inline-flex shrink-0 items-center gap-1.5 rounded-full border px-3 py-1 text-sm whitespace-nowrap',
              active ? 'border-accent bg-accent/10 font-medium' : 'border-border bg-surface hover:bg-muted',
            )}
          >
            {chip.label}
            <span className="text-fg-muted tabular-nums" data-testid="chip-count">
              {chip.count}
            </span>
          </Link>
        );
      })}
    </nav>
  );
}
