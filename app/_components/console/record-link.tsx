import Link from 'next/link';
import { recordHref } from '@/server/audit-changes';
import { humanizeCode } from '@/server/labels';

/** The record an audit entry or a job is about, linked when it has a page ("Invoice 1a2b3c4d"). */
export function RecordLink({ type, id }: { type: string; id: string }) {
  const text = `${humanizeCode(type)} ${id.slice(0, 8)}`;
  const href = recordHref(type, id);
  return href ? (
    <Link href={href} className="text-accent hover:underline">
      {text}
    </Link>
  ) : (
    <span className="text-fg-muted">{text}</span>
  );
}
