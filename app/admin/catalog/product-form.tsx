'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { formatMinor, isCurrency, parseMajor } from '@/server/billing/currency';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import { type PriceCycle, createProductInput, priceCycles, updateProductInput } from '@/server/schemas/catalog';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { humanize } from '../../_lib/format';
import { useTRPC } from '../../_lib/trpc';
import { showFieldErrors } from '../../_lib/form-errors';

type OptionKind = 'select' | 'radio' | 'quantity' | 'checkbox';
type Money = { cycle: PriceCycle; currency: string; amount: bigint };

/** What the editor starts from: an existing product, or nothing for a new one. */
export type ProductDraft = {
  id: string;
  name: string;
  description: string | null;
  category: string | null;
  type: 'recurring' | 'one_time';
  autoActivate: boolean;
  active: boolean;
  provisioningModule: 'manual' | 'webhook' | null;
  provisioningUrl: string | null;
  prices: Array<Money & { setupFee: bigint }>;
  optionGroups: Array<{ id: string; name: string; kind: OptionKind; required: boolean; options: Array<{ id: string; name: string; prices: Money[] }> }>;
};

type PriceRow = { key: string; cycle: PriceCycle; currency: string; amount: string; setupFee: string };
type OptionRow = { key: string; id?: string; name: string; amounts: Record<string, string> };
type GroupRow = { key: string; id?: string; name: string; kind: OptionKind; required: boolean; options: OptionRow[] };

// Rows added in the browser get fresh keys; the first render's keys come from positions, so the
// server's HTML and the browser's agree.
let keys = 0;
const newKey = () => `new-${++keys}`;
const priceKey = (p: { cycle: string; currency: string }) => `${p.cycle}/${p.currency.toUpperCase()}`;
const cycleLabel = humanize;
const major = (amount: bigint, currency: string) => (isCurrency(currency) ? formatMinor(amount, currency) : '');

const blankOption = (): OptionRow => ({ key: newKey(), name: '', amounts: {} });
const blankGroup = (): GroupRow => ({ key: newKey(), name: '', kind: 'select', required: false, options: [blankOption()] });

function rowsOf(product: ProductDraft | null) {
  if (!product) return { prices: [{ key: 'p0', cycle: 'monthly' as PriceCycle, currency: 'USD', amount: '', setupFee: '' }], groups: [] };
  return {
    prices: product.prices.map((p, i) => ({ key: `p${i}`, cycle: p.cycle, currency: p.currency, amount: major(p.amount, p.currency), setupFee: p.setupFee ? major(p.setupFee, p.currency) : '' })),
    groups: product.optionGroups.map((g, gi) => ({
      key: `g${gi}`,
      id: g.id,
      name: g.name,
      kind: g.kind,
      required: g.required,
      options: g.options.map((o, oi) => ({ key: `g${gi}o${oi}`, id: o.id, name: o.name, amounts: Object.fromEntries(o.prices.map((p) => [priceKey(p), major(p.amount, p.currency)])) })),
    })),
  };
}

function RemoveButton({ label, disabled, onClick }: { label: string; disabled?: boolean; onClick: () => void }) {
  return (
    <Button variant="ghost" aria-label={label} disabled={disabled} onClick={onClick}>
      <Trash2 className="size-4" aria-hidden />
    </Button>
  );
}

/** Typed amounts → minor units; what cannot be read is reported under its field. */
function toMinor(text: string, currency: string, field: string, errors: FieldErrors): number {
  if (text.trim() === '') return 0;
  const value = isCurrency(currency) ? parseMajor(text, currency) : null;
  if (value === null || value < 0n) errors[field] = `must be an amount like 12.50 in ${isCurrency(currency) ? currency : 'the price’s currency'}`;
  return Number(value ?? 0n);
}

/** Create or edit a product: prices per cycle and currency, and option groups priced per price. */
export function ProductForm({ product }: { product: ProductDraft | null }) {
  const initial = rowsOf(product);
  const [type, setType] = useState(product?.type ?? 'recurring');
  const [provisioning, setProvisioning] = useState<'' | 'manual' | 'webhook'>(product?.provisioningModule ?? '');
  const [prices, setPrices] = useState<PriceRow[]>(initial.prices);
  const [groups, setGroups] = useState<GroupRow[]>(initial.groups);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const onSuccess = (saved: { name: string }) => {
    toast.success(product ? `${saved.name} saved` : `${saved.name} created`);
    router.push('/admin/catalog');
    router.refresh();
  };
  const onError = showFieldErrors(setErrors);
  const create = useMutation(trpc.catalog.createProduct.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.catalog.updateProduct.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;

  // Editing a row takes back what was said about it; the rest stays until the next submit.
  const forget = (prefix: string) => setErrors((all) => Object.fromEntries(Object.entries(all).filter(([path]) => !path.startsWith(prefix))));
  const setPrice = (key: string, patch: Partial<PriceRow>) => {
    forget(`prices.${prices.findIndex((r) => r.key === key)}.`);
    setPrices((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const setGroup = (key: string, patch: Partial<GroupRow>) => {
    forget(`option_groups.${groups.findIndex((g) => g.key === key)}.`);
    setGroups((rows) => rows.map((g) => (g.key === key ? { ...g, ...patch } : g)));
  };
  const setOption = (group: GroupRow, key: string, patch: Partial<OptionRow>) =>
    setGroup(group.key, { options: group.options.map((o) => (o.key === key ? { ...o, ...patch } : o)) });
  const cycleChoices = type === 'one_time' ? (['one_time'] as const) : priceCycles.filter((c) => c !== 'one_time');

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const found: FieldErrors = {};
    const candidate = {
      name: String(form.get('name') ?? ''),
      description: String(form.get('description') ?? ''),
      category: String(form.get('category') ?? ''),
      type,
      auto_activate: form.get('auto_activate') === 'on',
      provisioning_module: provisioning || null,
      provisioning_url: provisioning === 'webhook' ? String(form.get('provisioning_url') ?? '').trim() || null : null,
      prices: prices.map((p, i) => ({
        cycle: p.cycle,
        currency: p.currency,
        amount: toMinor(p.amount, p.currency, `prices.${i}.amount`, found),
        setup_fee: toMinor(p.setupFee, p.currency, `prices.${i}.setup_fee`, found),
      })),
      // An option costs what is typed under each price, and nothing where the cell is left empty.
      option_groups: groups.map((g, gi) => ({
        id: g.id,
        name: g.name,
        kind: g.kind,
        required: g.required,
        options: g.options.map((o, oi) => ({
          id: o.id,
          name: o.name,
          prices: prices.map((p, pi) => ({
            cycle: p.cycle,
            currency: p.currency,
            amount: toMinor(o.amounts[priceKey(p)] ?? '', p.currency, `option_groups.${gi}.options.${oi}.prices.${pi}.amount`, found),
          })),
        })),
      })),
    };
    const parsed = product
      ? updateProductInput.safeParse({ ...candidate, id: product.id, active: form.get('active') === 'on' })
      : createProductInput.safeParse(candidate);
    const all = { ...(parsed.success ? {} : fieldErrors(parsed.error.issues)), ...found };
    setErrors(all);
    if (Object.keys(all).length > 0) return;
    if (product) update.mutate({ ...candidate, id: product.id, active: form.get('active') === 'on' });
    else create.mutate(candidate);
  }

  const cellError = (path: string) =>
    errors[path] ? (
      <p role="alert" className="mt-1 text-xs text-danger">
        {errors[path]}
      </p>
    ) : null;

  return (
    <form onSubmit={submit} noValidate className="space-y-6" aria-label="Product">
      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <Field label="Name" name="name" error={errors.name}>
          <Input id="name" name="name" defaultValue={product?.name} aria-invalid={errors.name ? true : undefined} autoFocus={!product} />
        </Field>
        <Field label="Category" name="category" error={errors.category} hint="Groups products in the store, e.g. Hosting">
          <Input id="category" name="category" defaultValue={product?.category ?? ''} />
        </Field>
        <div className="sm:col-span-2">
          <Field label="Description" name="description" error={errors.description}>
            <textarea id="description" name="description" rows={2} defaultValue={product?.description ?? ''} className={`${inputClass} h-auto py-2`} />
          </Field>
        </div>
        <Field label="Type" name="type" error={errors.type}>
          <select
            id="type"
            className={inputClass}
            value={type}
            onChange={(e) => {
              const next = e.target.value as 'recurring' | 'one_time';
              setType(next);
              setPrices((rows) => rows.map((r) => ({ ...r, cycle: next === 'one_time' ? 'one_time' : r.cycle === 'one_time' ? 'monthly' : r.cycle })));
            }}
          >
            <option value="recurring">Recurring (services renew every cycle)</option>
            <option value="one_time">One-time</option>
          </select>
        </Field>
        <div className="space-y-2 self-end text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" name="auto_activate" defaultChecked={product?.autoActivate ?? true} /> Goes live on payment (otherwise waits for approval)
          </label>
          {product ? (
            <label className="flex items-center gap-2">
              <input type="checkbox" name="active" defaultChecked={product.active} /> On sale
            </label>
          ) : null}
        </div>
      </Card>

      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <Field label="Provisioning" name="provisioning_module" error={errors.provisioning_module} hint="How a paid service gets set up before the order goes live.">
          <select id="provisioning_module" className={inputClass} value={provisioning} onChange={(e) => setProvisioning(e.target.value as '' | 'manual' | 'webhook')}>
            <option value="">Nothing to set up</option>
            <option value="manual">Manual: an admin marks it provisioned</option>
            <option value="webhook">Webhook: a signed POST to your panel</option>
          </select>
        </Field>
        {provisioning === 'webhook' ? (
          <Field label="Webhook URL" name="provisioning_url" error={errors.provisioning_url}>
            <Input id="provisioning_url" name="provisioning_url" defaultValue={product?.provisioningUrl ?? ''} placeholder="https://panel.example.com/cashdesk" aria-invalid={errors.provisioning_url ? true : undefined} />
          </Field>
        ) : null}
      </Card>

      <Card className="p-5">
        <h2 className="mb-3 font-semibold">Prices</h2>
        {errors.prices ? cellError('prices') : null}
        <table className="w-full text-sm" aria-label="Prices">
          <thead className="text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th className="pb-2 font-medium">Cycle</th>
              <th className="pb-2 font-medium">Currency</th>
              <th className="pb-2 font-medium">Price</th>
              <th className="pb-2 font-medium">Setup fee</th>
              <th className="pb-2" />
            </tr>
          </thead>
          <tbody>
            {prices.map((p, i) => (
              <tr key={p.key} className="align-top">
                <td className="py-1 pr-2">
                  <select aria-label={`Cycle of price ${i + 1}`} className={inputClass} value={p.cycle} onChange={(e) => setPrice(p.key, { cycle: e.target.value as PriceCycle })}>
                    {cycleChoices.map((c) => (
                      <option key={c} value={c}>
                        {cycleLabel(c)}
                      </option>
                    ))}
                  </select>
                  {cellError(`prices.${i}.cycle`)}
                </td>
                <td className="w-28 py-1 pr-2">
                  <Input aria-label={`Currency of price ${i + 1}`} maxLength={3} value={p.currency} onChange={(e) => setPrice(p.key, { currency: e.target.value.toUpperCase() })} />
                  {cellError(`prices.${i}.currency`)}
                </td>
                <td className="py-1 pr-2">
                  <Input aria-label={`Amount of price ${i + 1}`} inputMode="decimal" placeholder="0.00" value={p.amount} onChange={(e) => setPrice(p.key, { amount: e.target.value })} />
                  {cellError(`prices.${i}.amount`)}
                </td>
                <td className="py-1 pr-2">
                  <Input aria-label={`Setup fee of price ${i + 1}`} inputMode="decimal" placeholder="none" value={p.setupFee} onChange={(e) => setPrice(p.key, { setupFee: e.target.value })} />
                  {cellError(`prices.${i}.setup_fee`)}
                </td>
                <td className="w-10 py-1">
                  <RemoveButton label={`Remove price ${i + 1}`} disabled={prices.length === 1} onClick={() => setPrices((rows) => rows.filter((r) => r.key !== p.key))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button variant="secondary" className="mt-3" onClick={() => setPrices((rows) => [...rows, { key: newKey(), cycle: cycleChoices[0], currency: rows[0]?.currency ?? 'USD', amount: '', setupFee: '' }])}>
          <Plus className="size-4" aria-hidden /> Add price
        </Button>
      </Card>

      <Card className="p-5">
        <h2 className="font-semibold">Option groups</h2>
        <p className="mb-3 text-sm text-fg-muted">Choices the customer makes when ordering, each priced per price above; an empty cell is free.</p>
        <div className="space-y-4">
          {groups.map((g, gi) => (
            <fieldset key={g.key} className="rounded-md border border-border p-4" aria-label={`Option group ${gi + 1}`}>
              <div className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_auto_auto]">
                <Field label="Group name" name={`group-${g.key}`} error={errors[`option_groups.${gi}.name`]}>
                  <Input id={`group-${g.key}`} value={g.name} placeholder="Location" onChange={(e) => setGroup(g.key, { name: e.target.value })} />
                </Field>
                <Field label="Shown as" name={`kind-${g.key}`}>
                  <select id={`kind-${g.key}`} className={inputClass} value={g.kind} onChange={(e) => setGroup(g.key, { kind: e.target.value as OptionKind })}>
                    <option value="select">drop-down</option>
                    <option value="radio">radio buttons</option>
                    <option value="checkbox">checkboxes</option>
                    <option value="quantity">quantity (priced per unit)</option>
                  </select>
                </Field>
                <label className="flex h-9 items-center gap-2 text-sm">
                  <input type="checkbox" checked={g.required} onChange={(e) => setGroup(g.key, { required: e.target.checked })} /> Required
                </label>
                <RemoveButton label={`Remove option group ${gi + 1}`} onClick={() => setGroups((rows) => rows.filter((r) => r.key !== g.key))} />
              </div>
              {cellError(`option_groups.${gi}.options`)}
              <table className="mt-3 w-full text-sm" aria-label={`Options of group ${gi + 1}`}>
                <thead className="text-left text-xs uppercase tracking-wide text-fg-muted">
                  <tr>
                    <th className="pb-1 font-medium">Option</th>
                    {prices.map((p) => (
                      <th key={p.key} className="pb-1 font-medium">
                        {cycleLabel(p.cycle)} {p.currency}
                      </th>
                    ))}
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {g.options.map((o, oi) => (
                    <tr key={o.key} className="align-top">
                      <td className="py-1 pr-2">
                        <Input aria-label={`Option ${oi + 1} of group ${gi + 1}`} value={o.name} onChange={(e) => setOption(g, o.key, { name: e.target.value })} />
                        {cellError(`option_groups.${gi}.options.${oi}.name`)}
                      </td>
                      {prices.map((p, pi) => (
                        <td key={p.key} className="py-1 pr-2">
                          <Input
                            aria-label={`${o.name || `Option ${oi + 1}`} ${cycleLabel(p.cycle)} ${p.currency}`}
                            inputMode="decimal"
                            placeholder="0.00"
                            value={o.amounts[priceKey(p)] ?? ''}
                            onChange={(e) => setOption(g, o.key, { amounts: { ...o.amounts, [priceKey(p)]: e.target.value } })}
                          />
                          {cellError(`option_groups.${gi}.options.${oi}.prices.${pi}.amount`)}
                        </td>
                      ))}
                      <td className="w-10 py-1">
                        <RemoveButton
                          label={`Remove option ${oi + 1} of group ${gi + 1}`}
                          disabled={g.options.length === 1}
                          onClick={() => setGroup(g.key, { options: g.options.filter((r) => r.key !== o.key) })}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <Button variant="secondary" className="mt-2" onClick={() => setGroup(g.key, { options: [...g.options, blankOption()] })}>
                <Plus className="size-4" aria-hidden /> Add option
              </Button>
            </fieldset>
          ))}
        </div>
        <Button variant="secondary" className="mt-3" onClick={() => setGroups((rows) => [...rows, blankGroup()])}>
          <Plus className="size-4" aria-hidden /> Add option group
        </Button>
      </Card>

      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={() => router.push('/admin/catalog')}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending}>
          {product ? 'Save product' : 'Create product'}
        </Button>
      </div>
    </form>
  );
}
