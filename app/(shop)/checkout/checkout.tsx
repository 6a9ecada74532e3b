'use client';

import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { unstable_rethrow } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { toast } from 'sonner';
import type { FieldErrors } from '@/server/errors';
import type { PriceCycle } from '@/server/schemas/catalog';
import type { CheckoutMethod } from '@/server/schemas/payments';
import { cartActions, itemsOf, useCart, useCartReady, type Cart } from '../_lib/cart';
import { perCycle } from '../_lib/cycles';
import type { StoreCurrencies } from '../../_components/account/sign-up-form';
import { useMoney } from '../../_components/money';
import { Button, buttonClass } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { cn } from '../../_components/ui/cn';
import { Field, Input } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';
import { AccountPanel } from './account-panel';
import { placeOrderAction } from './actions';

export type CheckoutAccount = { kind: 'visitor' } | { kind: 'client' | 'other'; name: string; email: string };

type Props = {
  account: CheckoutAccount;
  currency: string;
  methods: CheckoutMethod[];
  bankInstructions: string | null;
  termsUrl: string;
  currencies: StoreCurrencies;
};

type ErrorData = { data?: { fields?: FieldErrors | undefined } | null; message: string };
const fieldsOf = (error: unknown): FieldErrors => (error as ErrorData | null)?.data?.fields ?? {};

export function Checkout({ account, currency, methods, bankInstructions, termsUrl, currencies }: Props) {
  const money = useMoney();
  const trpc = useTRPC();
  const t = useTranslations('shop');
  const cycleName = useTranslations('common.cycle');
  const queryClient = useQueryClient();
  const ready = useCartReady();
  const stored = useCart();
  // While the order is being placed the cart is already emptied; the page keeps showing it.
  const [placing, setPlacing] = useState<Cart | null>(null);
  const cart = placing ?? stored;
  const items = itemsOf(cart);

  const quote = useQuery({
    ...trpc.store.quote.queryOptions({ items, coupon_code: cart.coupon ?? undefined }),
    enabled: items.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
  const quoteFields = quote.isError ? fieldsOf(quote.error) : {};

  const [couponDraft, setCouponDraft] = useState('');
  const [couponError, setCouponError] = useState<string>();
  const [applying, setApplying] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [accepted, setAccepted] = useState(false);
  const [chosen, setChosen] = useState<CheckoutMethod | null>(null);

  // A coupon that stopped applying (a line removed, or signed in as someone who used it).
  const staleCoupon = cart.coupon ? quoteFields.coupon_code : undefined;

  const data = quote.data && !quote.isError ? quote.data : null;
  const creditCovers = data?.creditBalance != null && data.creditBalance >= data.total;
  const usable = methods.filter((m) => m !== 'credit' || creditCovers);
  const method = chosen && usable.includes(chosen) ? chosen : (usable[0] ?? null);

  async function applyCoupon(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = couponDraft.trim();
    if (!code) {
      setCouponError(t('checkout.enterCoupon'));
      return;
    }
    setApplying(true);
    try {
      // The quote with the code decides; the shown totals switch to it only when it applies.
      await queryClient.fetchQuery(trpc.store.quote.queryOptions({ items, coupon_code: code }));
      cartActions.setCoupon(code);
      setCouponDraft('');
      setCouponError(undefined);
    } catch (error) {
      const fields = fieldsOf(error);
      setCouponError(fields.coupon_code ?? (error as ErrorData).message);
    } finally {
      setApplying(false);
    }
  }

  async function placeOrder() {
    const missing: FieldErrors = {};
    if (!method) missing.payment_method = t('checkout.chooseMethod');
    if (!accepted) missing.accept_terms = t('checkout.mustAccept');
    setErrors(missing);
    if (!method || !accepted) return;
    const taken = cartActions.take();
    setPlacing(taken);
    try {
      const result = await placeOrderAction({ items: itemsOf(taken), coupon_code: taken.coupon ?? undefined, payment_method: method, accept_terms: true });
      cartActions.restore(taken);
      setPlacing(null);
      if (result.fields) {
        setErrors(result.fields);
        if (result.fields.coupon_code) setCouponError(result.fields.coupon_code);
      }
      toast.error(result.message);
    } catch (error) {
      // Success is a redirect, which Next.js delivers to the caller as a rejection: the order
      // is placed and the browser is on its way to its confirmation, so the cart stays empty.
      try {
        unstable_rethrow(error);
      } catch {
        return;
      }
      cartActions.restore(taken);
      setPlacing(null);
      toast.error(t('checkout.unreachable'));
    }
  }

  if (!ready) return <Card className="h-40 animate-pulse bg-muted" aria-busy="true" aria-label={t('checkout.loading')} />;
  if (cart.lines.length === 0) {
    return (
      <Card className="p-8 text-center">
        <p className="text-sm text-fg-muted">{t('checkout.empty')}</p>
        <Link href="/store" className={buttonClass('primary', 'mt-4')}>
          {t('checkout.browse')}
        </Link>
      </Card>
    );
  }

  const lineError = (index: number) => Object.entries(quoteFields).find(([key]) => key.startsWith(`items.${index}.`))?.[1];
  const generalError = quote.isError && !staleCoupon && !cart.lines.some((_, i) => lineError(i)) ? (quote.error as ErrorData).message : null;

  return (
    <div className="grid items-start gap-6 pb-20 lg:grid-cols-[minmax(0,1fr)_22rem] lg:pb-0">
      <div className="min-w-0 space-y-6">
        <Card className="p-5">
          <h2 className="mb-3 text-base font-semibold">{t('checkout.cart')}</h2>
          <ul className="divide-y divide-border" aria-label={t('checkout.cartList')}>
            {cart.lines.map((line, index) => {
              const priced = data?.lines[index];
              const error = lineError(index);
              return (
                <li key={line.key} className="flex items-start gap-3 py-3">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">{priced ? `${priced.name} (${cycleName(priced.cycle as PriceCycle)})` : line.label.split(' · ')[0]}</p>
                    {priced ? (
                      <>
                        {priced.options.length > 0 ? (
                          <p className="text-xs text-fg-muted">
                            {priced.options.map((o) => (o.quantity > 1 ? `${o.name} × ${o.quantity}` : o.name)).join(' · ')}
                          </p>
                        ) : null}
                        <p className="mt-1 text-sm tabular-nums">
                          {money(priced.unitPrice, currency)}
                          <span className="text-fg-muted">{perCycle(t, priced.cycle)}</span>
                          {priced.setupFee > 0n ? (
                            <span className="text-fg-muted"> {t('checkout.setup', { amount: money(priced.setupFee, currency) })}</span>
                          ) : null}
                        </p>
                      </>
                    ) : (
                      <p className="text-xs text-fg-muted">{line.label.split(' · ').slice(1).join(' · ')}</p>
                    )}
                    {error ? (
                      <p role="alert" className="mt-1 text-xs text-danger">
                        {t('checkout.lineError', { reason: error.startsWith('is ') ? t('checkout.thisItem', { problem: error }) : error })}
                      </p>
                    ) : null}
                  </div>
                  <Button
                    variant="ghost"
                    aria-label={t('checkout.removeItem', { item: priced?.name ?? line.label })}
                    disabled={!!placing}
                    onClick={() => cartActions.remove(line.key)}
                  >
                    <Trash2 className="size-4" aria-hidden />
                    {t('checkout.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
        </Card>

        <Card className="p-5">
          <h2 className="mb-3 text-base font-semibold">{t('checkout.account')}</h2>
          <AccountPanel account={account} currencies={currencies} />
        </Card>

        <Card className="p-5">
          <h2 className="mb-3 text-base font-semibold">{t('checkout.payment')}</h2>
          {methods.length === 0 ? (
            <p role="status" className="text-sm">
              {t('checkout.noMethods')}
            </p>
          ) : (
            <div className="space-y-4">
              <fieldset aria-describedby={errors.payment_method ? 'payment_method-error' : undefined}>
                <legend className="mb-2 text-sm font-medium">{t('checkout.howPay')}</legend>
                {usable.length === 0 ? (
                  <p className="text-sm text-fg-muted">{t('checkout.nothingCovers')}</p>
                ) : (
                  <div className="grid gap-2 sm:grid-cols-2">
                    {usable.map((m) => (
                      <label
                        key={m}
                        className="flex cursor-pointer items-start gap-3 rounded-md border border-border px-3 py-2.5 text-sm transition hover:bg-muted has-[:checked]:border-accent has-[:checked]:ring-2 has-[:checked]:ring-accent/30"
                      >
                        <input
                          type="radio"
                          name="payment_method"
                          value={m}
                          checked={method === m}
                          onChange={() => {
                            setChosen(m);
                            setErrors(({ payment_method: _, ...rest }) => rest);
                          }}
                          className="mt-0.5 accent-accent"
                        />
                        <span>
                          <span className="block font-medium">{t(`method.${m}.label`)}</span>
                          <span className="block text-xs text-fg-muted">
                            {m === 'credit' && data?.creditBalance != null
                              ? t('checkout.creditOf', { amount: money(data.creditBalance, currency) })
                              : m === 'bank_transfer' && bankInstructions
                                ? bankInstructions
                                : t(`method.${m}.hint`)}
                          </span>
                        </span>
                      </label>
                    ))}
                  </div>
                )}
                {errors.payment_method ? (
                  <p id="payment_method-error" role="alert" className="mt-1 text-xs text-danger">
                    {errors.payment_method}
                  </p>
                ) : null}
              </fieldset>

              <div>
                <label className="flex items-start gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={accepted}
                    onChange={(e) => {
                      setAccepted(e.target.checked);
                      if (e.target.checked) setErrors(({ accept_terms: _, ...rest }) => rest);
                    }}
                    aria-invalid={errors.accept_terms ? true : undefined}
                    aria-describedby={errors.accept_terms ? 'accept_terms-error' : undefined}
                    className="mt-0.5 accent-accent"
                  />
                  <span>
                    {t.rich('checkout.acceptTerms', {
                      terms: (words) =>
                        termsUrl ? (
                          <a href={termsUrl} target="_blank" rel="noreferrer" className="text-accent underline underline-offset-2">
                            {words}
                          </a>
                        ) : (
                          words
                        ),
                    })}
                  </span>
                </label>
                {errors.accept_terms ? (
                  <p id="accept_terms-error" role="alert" className="mt-1 text-xs text-danger">
                    {errors.accept_terms}
                  </p>
                ) : null}
              </div>

              {account.kind === 'client' ? (
                <Button className="w-full sm:w-auto" disabled={!!placing || !data || usable.length === 0} onClick={placeOrder}>
                  {placing ? t('checkout.placing') : data ? t('checkout.placeOrderTotal', { amount: money(data.total, currency) }) : t('checkout.placeOrder')}
                </Button>
              ) : account.kind === 'visitor' ? (
                <p className="text-sm text-fg-muted">{t('checkout.signInFirst')}</p>
              ) : null}
            </div>
          )}
        </Card>
      </div>

      <Card className="p-5 lg:sticky lg:top-6" aria-labelledby="order-summary">
        <h2 id="order-summary" className="text-base font-semibold">
          {t('checkout.summary')}
        </h2>
        <dl className="mt-3 space-y-1.5 text-sm" aria-busy={quote.isFetching}>
          {data ? (
            <>
              <SummaryRow label={t('checkout.items')} value={money(data.itemsTotal, currency)} />
              {data.coupon ? (
                <SummaryRow
                  label={t('checkout.coupon', { code: data.coupon.code })}
                  value={`−${money(data.discount, currency)}`}
                  testId="summary-discount"
                  tone="success"
                />
              ) : null}
              {data.taxMode === 'exclusive' && data.tax > 0n ? <SummaryRow label={data.taxLabel} value={money(data.tax, currency)} /> : null}
              <div className="flex items-baseline justify-between border-t border-border pt-2">
                <dt className="font-medium">{t('checkout.dueToday')}</dt>
                <dd className="text-xl font-semibold tabular-nums" data-testid="summary-total">
                  {money(data.total, currency)}
                </dd>
              </div>
              {data.taxMode === 'inclusive' && data.tax > 0n ? (
                <p className="text-right text-xs text-fg-muted">{t('checkout.includesTax', { amount: money(data.tax, currency), tax: data.taxLabel })}</p>
              ) : null}
            </>
          ) : generalError ? (
            <p role="alert" className="text-danger">
              {generalError}
            </p>
          ) : staleCoupon ? (
            <p className="text-fg-muted">{t('checkout.staleCoupon')}</p>
          ) : quote.isError ? (
            <p className="text-fg-muted">{t('checkout.fixItems')}</p>
          ) : (
            <p className="text-fg-muted">{t('checkout.working')}</p>
          )}
        </dl>

        <div className="mt-4 border-t border-border pt-4">
          {cart.coupon ? (
            <div className="space-y-1 text-sm">
              <div className="flex items-center justify-between gap-2">
                <span>
                  {t.rich(data?.coupon ? 'checkout.couponApplied' : 'checkout.couponPending', {
                    code: data?.coupon?.code ?? cart.coupon,
                    mono: (code) => <span className="font-mono font-medium">{code}</span>,
                  })}
                </span>
                <Button variant="ghost" aria-label={t('checkout.removeCoupon')} disabled={!!placing} onClick={() => cartActions.setCoupon(null)}>
                  {t('checkout.remove')}
                </Button>
              </div>
              {staleCoupon ? (
                <p role="alert" className="text-xs text-danger">
                  {staleCoupon}
                </p>
              ) : null}
            </div>
          ) : (
            <form onSubmit={applyCoupon} noValidate className="space-y-2" aria-label={t('checkout.couponForm')}>
              <Field label={t('checkout.couponCode')} name="coupon_code" error={couponError}>
                <div className="flex gap-2">
                  <Input
                    id="coupon_code"
                    name="coupon_code"
                    value={couponDraft}
                    onChange={(e) => setCouponDraft(e.target.value)}
                    autoComplete="off"
                    aria-invalid={couponError ? true : undefined}
                    aria-describedby={couponError ? 'coupon_code-error' : undefined}
                  />
                  <Button type="submit" variant="secondary" disabled={applying || !!placing}>
                    {applying ? t('checkout.checking') : t('checkout.apply')}
                  </Button>
                </div>
              </Field>
            </form>
          )}
        </div>
      </Card>

      {/* On a phone the summary comes after the form: what is due stays in view here. */}
      <div className="fixed inset-x-0 bottom-0 z-10 border-t border-border bg-surface/95 px-4 py-3 backdrop-blur lg:hidden">
        <div className="flex items-center justify-between gap-3">
          <div className="min-w-0 text-sm">
            <div className="text-xs text-fg-muted">{t('checkout.dueToday')}</div>
            <div className="font-semibold tabular-nums">{data ? money(data.total, currency) : '…'}</div>
          </div>
          <a href="#order-summary" className={buttonClass('secondary')}>
            {t('checkout.summary')}
          </a>
        </div>
      </div>
    </div>
  );
}

function SummaryRow({ label, value, testId, tone }: { label: string; value: string; testId?: string; tone?: 'success' }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="text-fg-muted">{label}</dt>
      <dd className={cn('tabular-nums', tone === 'success' && 'text-success')} data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}
