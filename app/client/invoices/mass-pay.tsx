'use client';

import { useMutation } from '@tanstack/react-query';
import { CreditCard } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useFormats } from '../../_components/money';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { useIdempotencyKey } from '../../_lib/idempotency-key';
import { useTRPC } from '../../_lib/trpc';
import { toastError } from '../../_lib/use-finish';

type OpenInvoice = { id: string; number: string | null; currency: string; dueDate: string; balance: string };

/**
 * Pay several open invoices in one checkout: the ones ticked (one currency at a time) become one
 * payment of their total, which pays each of them, earliest due first, when it arrives.
 */
export function MassPay({ invoices }: { invoices: OpenInvoice[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const t = useTranslations('portal.massPay');
  const { money, day } = useFormats();
  const [idempotencyKey] = useIdempotencyKey();
  const [chosen, setChosen] = useState<string[]>([]);
  const picked = invoices.filter((invoice) => chosen.includes(invoice.id));
  const currency = picked[0]?.currency;
  const total = picked.reduce((sum, invoice) => sum + BigInt(invoice.balance), 0n);
  const pay = useMutation(trpc.portal.massPay.mutationOptions({ onError: toastError, onSuccess: (r) => router.push(`/client/invoices/${r.id}/pay`) }));
  const toggle = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids, id] : ids.filter((other) => other !== id)));

  return (
    <Card className="mb-6 p-5" role="region" aria-label={t('region')}>
      <h2 className="font-semibold">{t('title')}</h2>
      <p className="mb-3 text-sm text-fg-muted">{t('description')}</p>
      <ul className="divide-y divide-border text-sm">
        {invoices.map((invoice) => (
          <li key={invoice.id}>
            <label className="flex cursor-pointer items-center gap-3 py-2">
              <input
                type="checkbox"
                className="size-4"
                checked={chosen.includes(invoice.id)}
                disabled={currency !== undefined && invoice.currency !== currency}
                onChange={(event) => toggle(invoice.id, event.target.checked)}
                aria-label={t('select', { number: invoice.number ?? '' })}
              />
              <span className="min-w-0 flex-1 font-medium">{invoice.number}</span>
              <span className="hidden text-fg-muted sm:inline">{t('dueOn', { date: day(invoice.dueDate) })}</span>
              <span className="tabular-nums">{money(BigInt(invoice.balance), invoice.currency)}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex flex-wrap items-center justify-between gap-3 border-t border-border pt-3">
        <div className="text-sm">
          {picked.length === 0 ? (
            <span className="text-fg-muted">{t('nothingSelected')}</span>
          ) : (
            <>
              {t('selected', { count: picked.length })} ·{' '}
              <span className="font-semibold tabular-nums" data-testid="mass-pay-total">
                {money(total, currency!)}
              </span>
            </>
          )}
        </div>
        <Button disabled={picked.length === 0 || pay.isPending || pay.isSuccess} onClick={() => pay.mutate({ ids: chosen, idempotencyKey })}>
          <CreditCard className="size-4" aria-hidden /> {t('paySelected')}
        </Button>
      </div>
    </Card>
  );
}
