import 'server-only';
import { getTranslations } from 'next-intl/server';
import type { PagerLabels } from '../_components/console/list-chrome';

/** A list pager's words in the page's language. */
export async function pagerLabels(shown: number): Promise<PagerLabels> {
  const t = await getTranslations('portal.pager');
  return { shown: t('shown', { count: shown }), first: t('first'), next: t('next') };
}
