'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { FieldErrors } from '@/server/errors';
import type { PriceCycle } from '@/server/schemas/catalog';
import type { PlanChange } from '@/server/services/orders/change-plan';
import type { PlanChoice } from '@/server/services/orders/plan-choices';
import { useLivePreview } from '../../_lib/use-live-preview';
import { MoneyPreview } from '../console/money-preview';
import { useMoney } from '../money';
import { Button } from '../ui/button';
import { Field, inputClass } from '../ui/field';

/** What the form sends: the plan and its options, in the wire's shape. */
export type PlanRequest = { product_id: string; cycle: string; options: Array<{ option_id: string; quantity: number }> };
type Refusal = { message: string; data?: { fields?: FieldErrors | undefined } | null };
type Current = { productId: string; cycle: string; options: ReadonlyArray<{ optionId: string; quantity: number }> };

/**
 * The change-plan form the console and the portal share: the new plan, its cycle and options
 * (required groups marked), the server's proration preview asked again as they change, a
 * refusal shown beside the option it is about, and Confirm sending exactly what was previewed.
 */
export function ChangePlanForm({
  currency,
  plans,
  current,
  ask,
  confirm,
  confirming,
  onCancel,
}: {
  currency: string;
  plans: PlanChoice[];
  current: Current;
  ask: (request: PlanRequest) => Promise<PlanChange>;
  confirm: (request: PlanRequest) => void;
  confirming: boolean;
  onCancel: () => void;
}) {
  // In the reader's language: the customer's in the portal, English in the console.
  const t = useTranslations('plan');
  const cycles = useTranslations('common.cycle');
  const cycleName = (cycle: string) => cycles(cycle as PriceCycle);
  const format = useMoney();
  const money = (amount: bigint) => format(amount, currency);
  const [productId, setProductId] = useState(plans.some((p) => p.id === current.productId) ? current.productId : (plans[0]?.id ?? ''));
  const plan = plans.find((p) => p.id === productId);
  const [cycle, setCycle] = useState(current.cycle);
  const chosenCycle = plan?.cycles.includes(cycle) ? cycle : (plan?.cycles[0] ?? '');
  // Chosen options by id, with their quantity; a plan other than the current one starts empty.
  const [chosen, setChosen] = useState<Record<string, number>>(() => Object.fromEntries(current.options.map((o) => [o.optionId, o.quantity])));
  const [refusal, setRefusal] = useState<Refusal | null>(null);

  const request: PlanRequest | null = plan
    ? {
        product_id: plan.id,
        cycle: chosenCycle,
        options: plan.optionGroups.flatMap((g) => g.options.filter((o) => (chosen[o.id] ?? 0) > 0).map((o) => ({ option_id: o.id, quantity: chosen[o.id]! }))),
      }
    : null;
  const preview = useLivePreview(request, (r) =>
    ask(r).then(
      (result) => (setRefusal(null), result),
      (error: Refusal) => {
        setRefusal(error);
        throw error;
      },
    ),
  );
  const fields = refusal?.data?.fields ?? {};
  const result = preview.result;

  const pickPlan = (id: string) => {
    setProductId(id);
    setChosen(id === current.productId ? Object.fromEntries(current.options.map((o) => [o.optionId, o.quantity])) : {});
  };
  const pickOne = (group: PlanChoice['optionGroups'][number], optionId: string) =>
    setChosen((was) => ({
      ...Object.fromEntries(Object.entries(was).filter(([id]) => !group.options.some((o) => o.id === id))),
      ...(optionId ? { [optionId]: 1 } : {}),
    }));
  const setQuantity = (optionId: string, quantity: number) => setChosen((was) => ({ ...was, [optionId]: quantity }));

  return (
    <div className="grid gap-4">
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label={t('newPlan')} name="plan-product" error={fields.product_id}>
          <select
            id="plan-product"
            className={inputClass}
            value={productId}
            onChange={(e) => pickPlan(e.target.value)}
            aria-invalid={fields.product_id ? true : undefined}
          >
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('billingCycle')} name="plan-cycle" error={fields.cycle}>
          <select
            id="plan-cycle"
            className={inputClass}
            value={chosenCycle}
            onChange={(e) => setCycle(e.target.value)}
            aria-invalid={fields.cycle ? true : undefined}
          >
            {plan?.cycles.map((c) => (
              <option key={c} value={c}>
                {cycleName(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      {plan && plan.optionGroups.length > 0 ? (
        <fieldset className="grid gap-3 sm:grid-cols-2">
          <legend className="mb-2 text-sm font-medium">{t('options')}</legend>
          {plan.optionGroups.map((group) => {
            const id = `plan-group-${group.id}`;
            const error = fields[`options.${group.id}`];
            const label = group.required ? t('required', { name: group.name }) : group.name;
            if (group.kind === 'select' || group.kind === 'radio') {
              const picked = group.options.find((o) => (chosen[o.id] ?? 0) > 0)?.id ?? '';
              return (
                <Field key={group.id} label={label} name={id} error={error}>
                  <select
                    id={id}
                    className={inputClass}
                    value={picked}
                    onChange={(e) => pickOne(group, e.target.value)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${id}-error` : undefined}
                  >
                    <option value="">{group.required ? t('choose') : t('none')}</option>
                    {group.options.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </select>
                </Field>
              );
            }
            return (
              <div key={group.id} className="space-y-1" role="group" aria-labelledby={`${id}-label`}>
                <p id={`${id}-label`} className="text-sm font-medium">
                  {label}
                </p>
                {group.options.map((o) =>
                  group.kind === 'quantity' ? (
                    <label key={o.id} className="flex items-center gap-2 text-sm">
                      <input
                        type="number"
                        min={0}
                        max={100000}
                        className={`${inputClass} w-24`}
                        value={chosen[o.id] ?? 0}
                        onChange={(e) => setQuantity(o.id, Math.max(0, Math.trunc(Number(e.target.value) || 0)))}
                        aria-label={`${group.name}: ${o.name}`}
                      />
                      {o.name}
                    </label>
                  ) : (
                    <label key={o.id} className="flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={(chosen[o.id] ?? 0) > 0} onChange={(e) => setQuantity(o.id, e.target.checked ? 1 : 0)} />
                      {o.name}
                    </label>
                  ),
                )}
                {error ? (
                  <p role="alert" className="text-xs text-danger">
                    {error}
                  </p>
                ) : null}
              </div>
            );
          })}
        </fieldset>
      ) : null}
      {fields.options ? (
        <p role="alert" className="text-sm text-danger">
          {fields.options}
        </p>
      ) : null}
      <MoneyPreview
        asking={preview.asking}
        idle={refusal ? refusal.message : t('idle')}
        working={t('working')}
        label={t('preview')}
        items={
          result && [
            [t('newPrice'), `${money(result.newPrice)} ${cycleName(chosenCycle).toLowerCase()}`],
            [t('daysLeft'), t('daysOf', { left: result.unusedDays, total: result.periodDays })],
            [t('creditCurrent'), `−${money(result.oldCredit)}`],
            [t('chargeNew'), money(result.newCharge)],
            [
              result.prorate > 0n ? t('toInvoice') : result.prorate < 0n ? t('toCredit') : t('now'),
              <span key="prorate" data-testid="prorate">
                {result.prorate === 0n ? t('nothing') : money(result.prorate < 0n ? -result.prorate : result.prorate)}
              </span>,
            ],
          ]
        }
        note={result && result.prorate < 0n ? t('creditNote') : undefined}
      />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button onClick={() => request && confirm(request)} disabled={confirming || !result || preview.asking}>
          {t('confirm')}
        </Button>
      </div>
    </div>
  );
}
