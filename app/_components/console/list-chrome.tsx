'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { createSerializer, parseAsString, useQueryState } from 'nuqs';
import { buttonClass } from '../ui/button';

/**
 * A keyset list's footer: how many rows show, back to the first page, on to the next. The links
 * keep the list's other parameters (its filters); `pageKey` is the one that holds the page.
 */
export function ListPager({ shown, next, pageKey = 'cursor' }: { shown: number; next: string | null; pageKey?: string }) {
  const t = useTranslations('common.pager');
  const [current] = useQueryState(pageKey);
  const base = `${usePathname()}?${useSearchParams().toString()}`;
  const serialize = createSerializer({ [pageKey]: parseAsString });
  return (
    <div className="flex items-center justify-between border-t border-border px-4 py-3 text-sm">
      <span className="text-fg-muted">{t('shown', { count: shown })}</span>
      <div className="flex gap-2">
        {current ? (
          <Link className={buttonClass('secondary')} href={serialize(base, { [pageKey]: null })}>
            {t('first')}
          </Link>
        ) : null}
        {next ? (
          <Link className={buttonClass('secondary')} href={serialize(base, { [pageKey]: next })} rel="next">
            {t('next')}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
