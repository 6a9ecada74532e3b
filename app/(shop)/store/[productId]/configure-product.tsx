'use client';

import { ShoppingCart } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { toast } from 'sonner';
import { priceLine, type ChosenOptionInput, type LinePrice } from '@/server/billing/pricing';
import { cycleSavings } from '@/server/billing/savings';
import type { PriceCycle } from '@/server/schemas/catalog';
import type { StoreProduct } from '@/server/services/storefront/read';
import { cartActions } from '../../_lib/cart';
import { perCycle } from '../../_lib/cycles';
import { useMoney } from '../../../_components/money';
import { Button } from '../../../_components/ui/button';
import { Card } from '../../../_components/ui/card';
import { cn } from '../../../_components/ui/cn';
import { inputClass } from '../../../_components/ui/field';

type Group = StoreProduct['optionGroups'][number];

const choiceClass =
  'flex cursor-pointer items-center gap-3 rounded-md border border-border bg-surface px-3 py-2.5 text-sm transition hover:bg-muted has-[:checked]:border-accent has-[:checked]:ring-2 has-[:checked]:ring-accent/30 has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-50';

/**
 * Choosing a cycle and options, with the price worked out in the browser by the same pure
 * priceLine the server orders with (the server prices the cart again; this is for showing).
 */
export function ConfigureProduct({ product, currency, initialCycle }: { product: StoreProduct; currency: string; initialCycle: string | undefined }) {
  const money = useMoney();
  const router = useRouter();
  const t = useTranslations('shop');
  const cycleName = useTranslations('common.cycle');
  const per = (c: string) => perCycle(t, c);
  // The cycle the store showed (its monthly/yearly switch), else monthly, else the first.
  const [cycle, setCycle] = useState(
    () => (product.prices.find((p) => p.cycle === initialCycle) ?? product.prices.find((p) => p.cycle === 'monthly') ?? product.prices[0]!).cycle,
  );
  // select/radio: the chosen option id ('' for none); checkbox: ticked ids; quantity: units per option.
  const [single, setSingle] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      product.optionGroups.filter((g) => g.kind === 'select' || g.kind === 'radio').map((g) => [g.id, g.required ? (g.options[0]?.id ?? '') : '']),
    ),
  );
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const [units, setUnits] = useState<Record<string, number>>({});

  // In the product's order of groups and options, so the summary and the cart read like the form.
  const chosen: ChosenOptionInput[] = product.optionGroups.flatMap((group) =>
    group.options.flatMap((option) => {
      const quantity =
        group.kind === 'quantity'
          ? (units[option.id] ?? 0)
          : group.kind === 'checkbox'
            ? Number(ticked[option.id] ?? false)
            : Number(single[group.id] === option.id);
      return quantity > 0 ? [{ optionId: option.id, quantity }] : [];
    }),
  );
  const priceAt = (c: string) => priceLine(product, c, currency, chosen);
  const price = priceAt(cycle);
  const monthly = product.prices.some((p) => p.cycle === 'monthly') ? priceAt('monthly') : null;
  const optionPrice = (option: Group['options'][number]) => option.prices.find((p) => p.cycle === cycle)?.amount;
  /** What an option adds to the price at the chosen cycle. */
  const describe = (amount: bigint | undefined, each = false) => {
    if (amount === undefined) return t('product.notOffered');
    if (amount === 0n) return t('product.included');
    return `${t(each ? 'product.extraEach' : 'product.extra', { amount: money(amount, currency) })}${per(cycle)}`;
  };
  // The pricing's refusal is in the server's English; the form words it in the page's language.
  const refusal = (refused: Extract<LinePrice, { ok: false }>) => {
    if (refused.field === 'cycle') return t('product.cycleNotOffered', { cycle: cycleName(cycle as PriceCycle), currency });
    const group = product.optionGroups.find((g) => g.id === refused.groupId);
    return group ? t('product.checkOption', { group: group.name }) : t('product.checkOptions');
  };

  function addToCart() {
    if (!price.ok) return;
    const picked = price.options.map((o) => (o.quantity > 1 ? `${o.name} × ${o.quantity}` : o.name));
    cartActions.add({
      product_id: product.id,
      cycle: cycle as StoreProduct['prices'][number]['cycle'],
      quantity: 1,
      options: chosen.map((c) => ({ option_id: c.optionId, quantity: c.quantity })),
      label: [`${product.name} (${cycleName(cycle as PriceCycle)})`, ...picked].join(' · '),
    });
    toast.success(t('product.inCart', { product: product.name }));
    router.push('/checkout');
  }

  return (
    <div className="mt-6 grid items-start gap-6 pb-20 lg:grid-cols-[minmax(0,1fr)_20rem] lg:pb-0">
      <div className="min-w-0 space-y-6">
        <fieldset>
          <legend className="mb-2 text-sm font-semibold">{t('product.billingCycle')}</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {product.prices.map((p) => {
              const at = priceAt(p.cycle);
              const amount = at.ok ? at.unitPrice : p.amount;
              const saves = monthly?.ok && at.ok ? cycleSavings(p.cycle, at.unitPrice, monthly.unitPrice) : p.savingsPercent;
              return (
                <label key={p.cycle} className={choiceClass}>
                  <input type="radio" name="cycle" value={p.cycle} checked={cycle === p.cycle} onChange={() => setCycle(p.cycle)} className="accent-accent" />
                  <span className="flex-1">
                    <span className="block font-medium">{cycleName(p.cycle)}</span>
                    <span className="block text-xs text-fg-muted tabular-nums">
                      {money(amount, currency)}
                      {per(p.cycle)}
                      {p.setupFee > 0n ? ` ${t('product.setup', { amount: money(p.setupFee, currency) })}` : ''}
                    </span>
                  </span>
                  {saves ? (
                    <span className="rounded-full bg-success/15 px-2 py-0.5 text-xs font-medium text-success">{t('product.save', { percent: saves })}</span>
                  ) : null}
                </label>
              );
            })}
          </div>
        </fieldset>

        {product.optionGroups.map((group) => (
          <fieldset key={group.id}>
            <legend className="mb-2 text-sm font-semibold">
              {group.name}
              {group.required ? null : <span className="font-normal text-fg-muted"> {t('product.optional')}</span>}
            </legend>
            {group.kind === 'select' ? (
              <select
                aria-label={group.name}
                className={inputClass}
                value={single[group.id] ?? ''}
                onChange={(e) => setSingle({ ...single, [group.id]: e.target.value })}
              >
                {group.required ? null : <option value="">{t('product.none')}</option>}
                {group.options.map((option) => (
                  <option key={option.id} value={option.id} disabled={optionPrice(option) === undefined}>
                    {option.name} — {describe(optionPrice(option))}
                  </option>
                ))}
              </select>
            ) : (
              <div className="grid gap-2 sm:grid-cols-2">
                {group.kind === 'radio' && !group.required ? (
                  <label className={choiceClass}>
                    <input
                      type="radio"
                      name={group.id}
                      checked={!single[group.id]}
                      onChange={() => setSingle({ ...single, [group.id]: '' })}
                      className="accent-accent"
                    />
                    <span className="flex-1">{t('product.none')}</span>
                  </label>
                ) : null}
                {group.options.map((option) => {
                  const amount = optionPrice(option);
                  const note = <span className="text-xs text-fg-muted tabular-nums">{describe(amount, group.kind === 'quantity')}</span>;
                  if (group.kind === 'quantity') {
                    const label = group.options.length === 1 ? group.name : `${group.name}: ${option.name}`;
                    return (
                      <label key={option.id} className={cn(choiceClass, 'cursor-default')}>
                        <span className="flex-1">
                          <span className="block">{option.name}</span>
                          {note}
                        </span>
                        <input
                          type="number"
                          min={0}
                          max={100000}
                          inputMode="numeric"
                          aria-label={label}
                          disabled={amount === undefined}
                          value={units[option.id] ?? 0}
                          onChange={(e) => setUnits({ ...units, [option.id]: Math.min(100000, Math.max(0, Math.trunc(Number(e.target.value) || 0))) })}
                          className={cn(inputClass, 'w-24 text-right tabular-nums')}
                        />
                      </label>
                    );
                  }
                  return (
                    <label key={option.id} className={choiceClass}>
                      {group.kind === 'radio' ? (
                        <input
                          type="radio"
                          name={group.id}
                          disabled={amount === undefined}
                          checked={single[group.id] === option.id}
                          onChange={() => setSingle({ ...single, [group.id]: option.id })}
                          className="accent-accent"
                        />
                      ) : (
                        <input
                          type="checkbox"
                          disabled={amount === undefined}
                          checked={ticked[option.id] ?? false}
                          onChange={(e) => setTicked({ ...ticked, [option.id]: e.target.checked })}
                          className="accent-accent"
                        />
                      )}
                      <span className="flex-1">
                        <span className="block">{option.name}</span>
                        {note}
                      </span>
                    </label>
                  );
                })}
              </div>
            )}
          </fieldset>
        ))}
      </div>

      <Card className="p-5 lg:sticky lg:top-6" aria-labelledby="summary-title">
        <h2 id="summary-title" className="text-sm font-semibold">
          {t('product.summary', { product: product.name })}
        </h2>
        {price.ok ? (
          <>
            <dl className="mt-3 space-y-1.5 text-sm">
              <Row label={t('product.plan', { cycle: cycleName(cycle as PriceCycle) })} value={money(price.planPrice, currency)} />
              {price.options.map((o) => (
                <Row key={o.optionId} label={o.quantity > 1 ? `${o.name} × ${o.quantity}` : o.name} value={money(o.amount, currency)} />
              ))}
              {price.setupFee > 0n ? <Row label={t('product.setupFee')} value={money(price.setupFee, currency)} /> : null}
            </dl>
            <div className="mt-4 border-t border-border pt-3" aria-live="polite">
              <div className="flex items-baseline justify-between">
                <span className="text-sm text-fg-muted">{t('product.dueToday')}</span>
                <span className="text-2xl font-semibold tabular-nums" data-testid="configured-price">
                  {money(price.unitPrice + price.setupFee, currency)}
                </span>
              </div>
              {cycle === 'one_time' ? null : (
                <p className="mt-1 text-right text-xs text-fg-muted" data-testid="configured-renewal">
                  {t('product.then', { amount: money(price.unitPrice, currency) })}
                  {per(cycle)}
                </p>
              )}
            </div>
            <p className="mt-3 text-xs text-fg-muted">{t('product.taxLater')}</p>
          </>
        ) : (
          <p role="alert" className="mt-3 text-sm text-danger">
            {refusal(price)}
          </p>
        )}
        <Button className="mt-4 w-full" disabled={!price.ok} onClick={addToCart}>
          <ShoppingCart className="size-4" aria-hidden />
          {t('product.addToCart')}
        </Button>
      </Card>

      {/* On a phone the summary sits below the options: the total and the button stay in view here. */}
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-border bg-surface/95 px-4 py-3 backdrop-blur lg:hidden">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3">
          <div className="min-w-0 text-sm">
            <div className="text-xs text-fg-muted">{t('product.dueToday')}</div>
            <div className="font-semibold tabular-nums">{price.ok ? money(price.unitPrice + price.setupFee, currency) : '—'}</div>
          </div>
          <Button disabled={!price.ok} onClick={addToCart}>
            <ShoppingCart className="size-4" aria-hidden />
            {t('product.addToCart')}
          </Button>
        </div>
      </div>
    </div>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-fg-muted">{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}
