import { useTranslations, type Messages } from 'next-intl';
import { StatusPill } from '../_components/ui/status-pill';

type Status = keyof Messages['common']['status'];

/** A status pill in the page's language; a code the common texts have no words for reads as in the console. */
export function PortalStatus({ status }: { status: string }) {
  const t = useTranslations('common.status');
  return <StatusPill status={status} label={t.has(status as Status) ? t(status as Status) : undefined} />;
}
