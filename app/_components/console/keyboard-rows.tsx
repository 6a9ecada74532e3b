'use client';

import { useRouter } from 'next/navigation';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';

/**
 * The scroll area of a list whose rows carry `data-href`: ↓/↑ (or j/k) move between rows,
 * Enter opens the focused one, as in a mail client; a click anywhere on a row opens it too. Typing
 * in a field inside, and clicks on a row's own links and controls, are left alone.
 */
export function KeyboardRows({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  const router = useRouter();
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable]')) return;
    const rows = [...event.currentTarget.querySelectorAll<HTMLTableRowElement>('tbody tr[data-href]')];
    const current = rows.indexOf(target.closest('tr') as HTMLTableRowElement);
    let next: HTMLTableRowElement | undefined;
    if (event.key === 'ArrowDown' || event.key === 'j') next = rows[Math.min(current + 1, rows.length - 1)];
    else if (event.key === 'ArrowUp' || event.key === 'k') next = rows[Math.max(current - 1, 0)];
    else if (event.key === 'Enter' && current >= 0 && target === rows[current]) {
      event.preventDefault();
      return router.push(rows[current]!.dataset.href!);
    }
    if (!next) return;
    event.preventDefault();
    next.focus();
  }
  function onClick(event: MouseEvent<HTMLDivElement>) {
    const target = event.target as HTMLElement;
    if (target.closest('a, button, input, textarea, select, label, [contenteditable]')) return;
    // Selecting a row's text is not a click on it.
    if (window.getSelection()?.toString()) return;
    const href = target.closest<HTMLTableRowElement>('tbody tr[data-href]')?.dataset.href;
    if (href) router.push(href);
  }
  return (
    // A focusable scroll region is how keyboard users reach (and scroll) the rows.
    <div role="region" aria-label={`${label} list`} tabIndex={0} className={className} onKeyDown={onKeyDown} onClick={onClick}>
      {children}
    </div>
  );
}
