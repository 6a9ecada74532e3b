import { useTranslations, type Messages } from 'next-intl';
import { statusLabel } from '@/server/labels';
import { cn } from './cn';

const tones: Record<string, string> = {
  draft: 'bg-muted text-fg-muted',
  pending: 'bg-amber-500/15 text-amber-800 dark:text-amber-300',
  partial: 'bg-sky-500/15 text-sky-800 dark:text-sky-300',
  paid: 'bg-success/15 text-success',
  overdue: 'bg-danger/15 text-danger',
  cancelled: 'bg-muted text-fg-muted line-through',
  refunded: 'bg-violet-500/15 text-violet-800 dark:text-violet-300',
  active: 'bg-success/15 text-success',
  suspended: 'bg-danger/15 text-danger',
  terminated: 'bg-muted text-fg-muted',
  failed: 'bg-danger/15 text-danger',
  sent: 'bg-success/15 text-success',
  sending: 'bg-amber-500/15 text-amber-800 dark:text-amber-300',
  skipped: 'bg-muted text-fg-muted',
  queued: 'bg-amber-500/15 text-amber-800 dark:text-amber-300',
  running: 'bg-sky-500/15 text-sky-800 dark:text-sky-300',
  completed: 'bg-success/15 text-success',
  paused: 'bg-amber-500/15 text-amber-800 dark:text-amber-300',
  // Prepaid cards.
  unused: 'bg-sky-500/15 text-sky-800 dark:text-sky-300',
  redeemed: 'bg-success/15 text-success',
  voided: 'bg-muted text-fg-muted line-through',
  expired: 'bg-muted text-fg-muted',
};

type Translated = keyof Messages['common']['status'];

/**
 * A status as a coloured pill in words: the page's language where `common.status` has the code
 * (English in the consoles, the same words as server/labels), else server/labels; `label` words
 * it where even those would mislead (a credit note's "Credited") or the page writes for someone
 * else (a document in its customer's language).
 */
export function StatusPill({ status, label, className }: { status: string; label?: string | undefined; className?: string }) {
  const t = useTranslations('common.status');
  return (
    <span className={cn('inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium', tones[status] ?? 'bg-muted', className)}>
      {label ?? (t.has(status as Translated) ? t(status as Translated) : statusLabel(status))}
    </span>
  );
}
