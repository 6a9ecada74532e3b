'use client';

import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';

/**
 * A sortable column's heading: a link to the same list sorted by it, ascending, then descending,
 * then back to the list's own order. It keeps the filters and drops the page (a cursor belongs
 * to one order).
 */
export function SortLink({ label, sortKey, current, pageKey = 'cursor' }: { label: string; sortKey: string; current: string | undefined; pageKey?: string }) {
  const query = new URLSearchParams(useSearchParams().toString());
  const pathname = usePathname();
  const next = current === sortKey ? `-${sortKey}` : current === `-${sortKey}` ? null : sortKey;
  if (next) query.set('sort', next);
  else query.delete('sort');
  query.delete(pageKey);
  const Icon = current === sortKey ? ArrowUp : current === `-${sortKey}` ? ArrowDown : ArrowUpDown;
  const search = query.toString();
  return (
    <Link href={search ? `${pathname}?${search}` : pathname} className="inline-flex items-center gap-1 uppercase hover:text-fg focus-visible:text-fg">
      {label}
      <Icon className={current?.replace(/^-/, '') === sortKey ? 'size-3.5 text-fg' : 'size-3.5 opacity-50'} aria-hidden />
    </Link>
  );
}
