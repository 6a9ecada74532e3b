import type { ReactNode } from 'react';
import { cn } from './cn';
import { SortLink } from './sort-link';

/**
 * `header`: what the heading cell shows instead of the label (e.g. a select-all checkbox);
 * `className`: the heading cell's, which the column's cells repeat (e.g. `hidden sm:table-cell`
 * for a column a phone leaves out); `sort`: the list's sort key for this column, which makes its
 * heading a sort link.
 */
export type Column = { label: string; header?: ReactNode; align?: 'right'; className?: string; sort?: string };

const ariaSort = (column: Column, sorted: string | undefined) => {
  if (!column.sort) return undefined;
  return sorted === column.sort ? 'ascending' : sorted === `-${column.sort}` ? 'descending' : 'none';
};

const variants = {
  // A list filling its card: padded cells, a shaded header that stays put while rows scroll.
  list: { head: 'sticky top-0 z-10 bg-muted', cell: 'px-4 py-2.5', empty: 'px-4 py-12' },
  // A table inside a card's content: no padding of its own, a plain header.
  inset: { head: '', cell: 'py-2', empty: 'py-4' },
} as const;

/**
 * The console's tables: one header style, one body divider, and the sentence a person reads
 * when there are no rows. Rows are the caller's `<tr>`s. `scroll` (inset tables' default) lets a
 * table wider than a phone scroll sideways inside its card instead of widening the page; the
 * scroll area takes focus, so a keyboard can scroll it. Lists in a scrolling `KeyboardRows` are
 * scrolled by it, which also keeps their header sticky.
 */
export function DataTable({
  label,
  columns,
  variant = 'list',
  empty,
  scroll = variant === 'inset',
  sorted,
  className,
  children,
}: {
  label: string;
  columns: readonly Column[];
  variant?: keyof typeof variants;
  /** Shown in place of rows, when given. */
  empty?: ReactNode;
  scroll?: boolean;
  /** The list's `sort` as the URL holds it (`total`, `-total`), for the sortable columns' headings. */
  sorted?: string | undefined;
  className?: string;
  children: ReactNode;
}) {
  const style = variants[variant];
  const table = (
    <table className={cn('w-full text-sm', className)} aria-label={label}>
      <thead className={cn('border-b border-border text-left text-xs uppercase tracking-wide text-fg-muted', style.head)}>
        <tr>
          {columns.map((column, i) => (
            <th
              key={`${column.label}-${i}`}
              aria-sort={ariaSort(column, sorted)}
              className={cn(style.cell, 'font-medium', column.align === 'right' && 'text-right', column.className)}
            >
              {column.header ?? (column.sort ? <SortLink label={column.label} sortKey={column.sort} current={sorted} /> : column.label)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-border">
        {children}
        {empty ? (
          <tr>
            <td colSpan={columns.length} className={cn(style.empty, 'text-center text-fg-muted')}>
              {empty}
            </td>
          </tr>
        ) : null}
      </tbody>
    </table>
  );
  return scroll ? (
    <div role="region" aria-label={label} tabIndex={0} className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-accent">
      {table}
    </div>
  ) : (
    table
  );
}
