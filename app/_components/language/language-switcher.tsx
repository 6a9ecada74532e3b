'use client';

import { Languages } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import { localeNames, locales } from '@/i18n/locales';
import { cn } from '../ui/cn';
import { chooseLocaleAction } from './actions';

/**
 * The page's language as a plain select: each language is named in itself, so anyone finds theirs.
 * Narrow on a phone, where the shop header must fit 390 px.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const t = useTranslations('common.language');
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();

  const choose = (value: string) =>
    start(async () => {
      const result = await chooseLocaleAction(value);
      if ('message' in result) toast.error(result.message);
      router.refresh();
    });

  return (
    <label className={cn('flex items-center gap-1.5 text-sm text-fg-muted', className)}>
      <Languages className="size-4 max-sm:hidden" aria-hidden />
      <span className="sr-only">{t('label')}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(e) => choose(e.target.value)}
        data-testid="language-switcher"
        className="h-9 max-w-20 rounded-md border border-border bg-surface px-1.5 text-sm text-fg sm:max-w-44"
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
