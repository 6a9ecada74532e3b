import Link from 'next/link';
import { buttonClass } from '../ui/button';

/** The end of a filter bar: apply, or clear back to the unfiltered list. */
export function FilterActions({ clearHref }: { clearHref: string }) {
  return (
    <div className="col-span-full flex gap-2">
      <button type="submit" className={buttonClass('primary')}>
        Apply filters
      </button>
      <Link href={clearHref} className={buttonClass('ghost')}>
        Clear
      </Link>
    </div>
  );
}

/** A keyset list's footer: how many rows show, back to the first page, on to the next. */
export function ListPager({ shown, firstHref, nextHref }: { shown: number; firstHref: string | null; nextHref: string | null }) {
  return (
    <div className="flex items-center justify-between border-t border-border px-4 py-3 text-sm">
      <span className="text-fg-muted">{shown} shown</span>
      <div className="flex gap-2">
        {firstHref ? (
          <Link className={buttonClass('secondary')} href={firstHref}>
            First page
          </Link>
        ) : null}
        {nextHref ? (
          <Link className={buttonClass('secondary')} href={nextHref} rel="next">
            Next page
          </Link>
        ) : null}
      </div>
    </div>
  );
}
