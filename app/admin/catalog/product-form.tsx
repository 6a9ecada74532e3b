'use client';

import { useMutation } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { get, useFieldArray, useFormContext, type Path } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { formatMinor, formatUnitPrice, isCurrency, parseMajor, parseUnitPrice } from '@/server/billing/currency';
import { createProductInput, priceCycles, updateProductInput, type PriceCycle } from '@/server/schemas/catalog';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { Form, FormCheckbox, FormSelect, FormText, FormTextarea, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { checkedBy } from '../../_lib/form-schemas';
import { humanize } from '../../_lib/format';
import { useTRPC } from '../../_lib/trpc';

type OptionKind = 'select' | 'radio' | 'quantity' | 'checkbox';
type Money = { cycle: PriceCycle; currency: string; amount: bigint };

/** What the editor starts from: an existing product, or nothing for a new one. */
export type ProductDraft = {
  id: string;
  name: string;
  description: string | null;
  features: string[];
  category: string | null;
  type: 'recurring' | 'one_time' | 'usage';
  autoActivate: boolean;
  active: boolean;
  provisioningModule: 'manual' | 'webhook' | null;
  provisioningUrl: string | null;
  includedCredits: bigint | null;
  creditsRollover: boolean;
  taxCode: string | null;
  prices: Array<Money & { setupFee: bigint; unitAmount: string | null }>;
  optionGroups: Array<{ id: string; name: string; kind: OptionKind; required: boolean; options: Array<{ id: string; name: string; prices: Money[] }> }>;
};

type PriceRow = { cycle: PriceCycle; currency: string; amount: string; setup_fee: string };
type OptionRow = { id?: string | undefined; name: string; amounts: Record<string, string> };
type GroupRow = { id?: string | undefined; name: string; kind: OptionKind; required: boolean; options: OptionRow[] };
type ProductValues = {
  name: string;
  category: string;
  description: string;
  /** One feature per line, as typed. */
  features: string;
  type: ProductDraft['type'];
  auto_activate: boolean;
  active: boolean;
  provisioning_module: '' | 'manual' | 'webhook';
  provisioning_url: string;
  included_credits: string;
  credits_rollover: boolean;
  tax_code: string;
  prices: PriceRow[];
  option_groups: GroupRow[];
};

const priceKey = (p: { cycle: string; currency: string }) => `${p.cycle}/${p.currency.toUpperCase()}`;
const cycleLabel = humanize;
const major = (amount: bigint, currency: string) => (isCurrency(currency) ? formatMinor(amount, currency) : '');

const blankOption = (): OptionRow => ({ name: '', amounts: {} });
const blankGroup = (): GroupRow => ({ name: '', kind: 'select', required: false, options: [blankOption()] });

function valuesOf(product: ProductDraft | null): ProductValues {
  return {
    name: product?.name ?? '',
    category: product?.category ?? '',
    description: product?.description ?? '',
    features: product?.features.join('\n') ?? '',
    type: product?.type ?? 'recurring',
    auto_activate: product?.autoActivate ?? true,
    active: product?.active ?? true,
    provisioning_module: product?.provisioningModule ?? '',
    provisioning_url: product?.provisioningUrl ?? '',
    included_credits: product?.includedCredits ? major(product.includedCredits, product.prices[0]?.currency ?? '') : '',
    credits_rollover: product?.creditsRollover ?? false,
    tax_code: product?.taxCode ?? '',
    prices: product
      ? product.prices.map((p) => ({
          cycle: p.cycle,
          currency: p.currency,
          // A usage price is per unit, sub-cent allowed: shown exactly, in major units.
          amount: p.unitAmount !== null && isCurrency(p.currency) ? formatUnitPrice(p.unitAmount, p.currency) : major(p.amount, p.currency),
          setup_fee: p.setupFee ? major(p.setupFee, p.currency) : '',
        }))
      : [{ cycle: 'monthly', currency: 'USD', amount: '', setup_fee: '' }],
    option_groups: (product?.optionGroups ?? []).map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      required: g.required,
      options: g.options.map((o) => ({ id: o.id, name: o.name, amounts: Object.fromEntries(o.prices.map((p) => [priceKey(p), major(p.amount, p.currency)])) })),
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

/** Typed amounts → minor units; what cannot be read is reported at `path`. */
function toMinor(text: string, currency: string, path: (string | number)[], ctx: z.RefinementCtx): number {
  if (text.trim() === '') return 0;
  const value = isCurrency(currency) ? parseMajor(text, currency) : null;
  if (value === null || value < 0n)
    ctx.addIssue({ code: 'custom', path, message: `must be an amount like 12.50 in ${isCurrency(currency) ? currency : 'the price’s currency'}` });
  return Number(value ?? 0n);
}

/** A usage price per unit typed in major units → minor units with up to six decimals ("0.015"). */
function toUnitAmount(text: string, currency: string, path: (string | number)[], ctx: z.RefinementCtx): string {
  const value = isCurrency(currency) ? parseUnitPrice(text, currency) : null;
  if (value === null) {
    ctx.addIssue({ code: 'custom', path, message: `must be a price per unit like 0.00015 in ${isCurrency(currency) ? currency : 'the price’s currency'}` });
  }
  return value ?? '0';
}

/** The features box → its lines; the server's per-line messages are said of the box, with the line. */
function featureLines(text: string, ctx: z.RefinementCtx): string[] {
  const lines = text.split('\n');
  const long = lines.findIndex((line) => line.trim().length > 200);
  if (long >= 0) ctx.addIssue({ code: 'custom', path: ['features'], message: `line ${long + 1} is longer than 200 characters` });
  if (lines.filter((line) => line.trim() !== '').length > 20) ctx.addIssue({ code: 'custom', path: ['features'], message: 'must have at most 20 features' });
  return lines;
}

// The editor's rows become the API's product; the server's schema checks it on the way.
const productForm = (product: ProductDraft | null) =>
  z
    .custom<ProductValues>()
    .transform((form, ctx) => ({
      name: form.name,
      description: form.description,
      features: featureLines(form.features, ctx),
      category: form.category,
      type: form.type,
      auto_activate: form.auto_activate,
      provisioning_module: form.provisioning_module || null,
      provisioning_url: form.provisioning_module === 'webhook' ? form.provisioning_url.trim() || null : null,
      // Credits are in the wallet's currency, the first price's.
      included_credits:
        form.included_credits.trim() === ''
          ? null
          : { amount: toMinor(form.included_credits, form.prices[0]?.currency ?? '', ['included_credits', 'amount'], ctx), rollover: form.credits_rollover },
      tax_code: form.tax_code,
      prices: form.prices.map((p, i) => ({
        cycle: p.cycle,
        currency: p.currency,
        amount:
          form.type === 'usage'
            ? toUnitAmount(p.amount, p.currency, ['prices', i, 'amount'], ctx)
            : toMinor(p.amount, p.currency, ['prices', i, 'amount'], ctx),
        setup_fee: form.type === 'usage' ? 0 : toMinor(p.setup_fee, p.currency, ['prices', i, 'setup_fee'], ctx),
      })),
      // An option costs what is typed under each price, and nothing where the cell is left empty.
      option_groups: form.option_groups.map((g, gi) => ({
        id: g.id,
        name: g.name,
        kind: g.kind,
        required: g.required,
        options: g.options.map((o, oi) => ({
          id: o.id,
          name: o.name,
          prices: form.prices.map((p, pi) => ({
            cycle: p.cycle,
            currency: p.currency,
            amount: toMinor(o.amounts[priceKey(p)] ?? '', p.currency, ['option_groups', gi, 'options', oi, 'prices', pi, 'amount'], ctx),
          })),
        })),
      })),
      ...(product ? { id: product.id, active: form.active } : {}),
    }))
    .superRefine(checkedBy(product ? updateProductInput : createProductInput));

function CellError({ message }: { message: string | undefined }) {
  return message ? (
    <p role="alert" className="mt-1 text-xs text-danger">
      {message}
    </p>
  ) : null;
}

/** The message at a path, also where it is about a whole list of rows. */
const errorAt = (errors: object, path: string): string | undefined => {
  const found = get(errors, path) as { message?: string; root?: { message?: string } } | undefined;
  return found?.message ?? found?.root?.message;
};

type Edit = (row: `prices.${number}` | `option_groups.${number}`, name: Path<ProductValues>, value: string | boolean | Record<string, string>) => void;

/** One option group: its name, how it is shown, and its options priced under each of the product's prices. */
function GroupEditor({
  index: gi,
  group: g,
  prices,
  edit,
  errorOf,
  onRemove,
}: {
  index: number;
  group: GroupRow;
  prices: PriceRow[];
  edit: Edit;
  errorOf: (path: string) => string | undefined;
  onRemove: () => void;
}) {
  const { control } = useFormContext<ProductValues>();
  const options = useFieldArray({ control, name: `option_groups.${gi}.options` });
  const row = `option_groups.${gi}` as const;
  return (
    <fieldset className="rounded-md border border-border p-4" aria-label={`Option group ${gi + 1}`}>
      <div className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_auto_auto]">
        <Field label="Group name" name={`group-${gi}`} error={errorOf(`${row}.name`)}>
          <Input id={`group-${gi}`} value={g.name} placeholder="Location" onChange={(e) => edit(row, `${row}.name`, e.target.value)} />
        </Field>
        <Field label="Shown as" name={`kind-${gi}`}>
          <select id={`kind-${gi}`} className={inputClass} value={g.kind} onChange={(e) => edit(row, `${row}.kind`, e.target.value)}>
            <option value="select">drop-down</option>
            <option value="radio">radio buttons</option>
            <option value="checkbox">checkboxes</option>
            <option value="quantity">quantity (priced per unit)</option>
          </select>
        </Field>
        <label className="flex h-9 items-center gap-2 text-sm">
          <input type="checkbox" checked={g.required} onChange={(e) => edit(row, `${row}.required`, e.target.checked)} /> Required
        </label>
        <RemoveButton label={`Remove option group ${gi + 1}`} onClick={onRemove} />
      </div>
      <CellError message={errorOf(`${row}.options`)} />
      <table className="mt-3 w-full text-sm" aria-label={`Options of group ${gi + 1}`}>
        <thead className="text-left text-xs uppercase tracking-wide text-fg-muted">
          <tr>
            <th className="pb-1 font-medium">Option</th>
            {prices.map((p, pi) => (
              <th key={pi} className="pb-1 font-medium">
                {cycleLabel(p.cycle)} {p.currency}
              </th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          {options.fields.map((field, oi) => {
            const o = g.options[oi] ?? field;
            return (
              <tr key={field.id} className="align-top">
                <td className="py-1 pr-2">
                  <Input
                    aria-label={`Option ${oi + 1} of group ${gi + 1}`}
                    value={o.name}
                    onChange={(e) => edit(row, `${row}.options.${oi}.name`, e.target.value)}
                  />
                  <CellError message={errorOf(`${row}.options.${oi}.name`)} />
                </td>
                {prices.map((p, pi) => (
                  <td key={pi} className="py-1 pr-2">
                    <Input
                      aria-label={`${o.name || `Option ${oi + 1}`} ${cycleLabel(p.cycle)} ${p.currency}`}
                      inputMode="decimal"
                      placeholder="0.00"
                      value={o.amounts[priceKey(p)] ?? ''}
                      onChange={(e) => edit(row, `${row}.options.${oi}.amounts`, { ...o.amounts, [priceKey(p)]: e.target.value })}
                    />
                    <CellError message={errorOf(`${row}.options.${oi}.prices.${pi}.amount`)} />
                  </td>
                ))}
                <td className="w-10 py-1">
                  <RemoveButton
                    label={`Remove option ${oi + 1} of group ${gi + 1}`}
                    disabled={options.fields.length === 1}
                    onClick={() => options.remove(oi)}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button variant="secondary" className="mt-2" onClick={() => options.append(blankOption())}>
        <Plus className="size-4" aria-hidden /> Add option
      </Button>
    </fieldset>
  );
}

/** Create or edit a product: prices per cycle and currency, and option groups priced per price. */
export function ProductForm({ product }: { product: ProductDraft | null }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(productForm(product), valuesOf(product));
  const prices = useFieldArray({ control: form.control, name: 'prices' });
  const groups = useFieldArray({ control: form.control, name: 'option_groups' });
  const values = form.watch();
  const onSuccess = (saved: { name: string }) => {
    toast.success(product ? `${saved.name} saved` : `${saved.name} created`);
    router.push('/admin/catalog');
    router.refresh();
  };
  const onError = showFieldErrors(setFieldErrors(form));
  const create = useMutation(trpc.catalog.createProduct.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.catalog.updateProduct.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;
  const cycleChoices = values.type === 'one_time' ? (['one_time'] as const) : priceCycles.filter((c) => c !== 'one_time');
  const usage = values.type === 'usage';

  // Editing a row takes back what was said about it; the rest stays until the next submit.
  const edit: Edit = (row, name, value) => {
    form.clearErrors(row);
    form.setValue(name, value as never);
  };

  const errorOf = (path: string) => errorAt(form.formState.errors, path);

  return (
    <Form
      form={form}
      onSubmit={(candidate) => (product ? update.mutate(candidate as Parameters<typeof update.mutate>[0]) : create.mutate(candidate))}
      className="space-y-6"
      aria-label="Product"
    >
      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <FormText name="name" label="Name" autoFocus={!product} />
        <FormText name="category" label="Category" hint="Groups products in the store, e.g. Hosting" />
        <div className="sm:col-span-2">
          <FormTextarea
            name="description"
            label="Description"
            rows={4}
            hint="Shown on the product’s card and page. Markdown: **bold**, *italic*, [links](https://…), lists; HTML is not shown."
          />
        </div>
        <div className="sm:col-span-2">
          <FormTextarea
            name="features"
            label="Features"
            rows={5}
            placeholder={'10 GB SSD storage\nFree SSL certificates\n**24/7** support'}
            hint="One per line, shown as the store’s bullet list (up to 20). Markdown for emphasis and links."
          />
        </div>
        <FormSelect
          name="type"
          label="Type"
          rules={{
            // A one-time product has one-time prices; a recurring one starts them monthly.
            onChange: (e: { target: { value: string } }) =>
              form.setValue(
                'prices',
                form
                  .getValues('prices')
                  .map((r) => ({ ...r, cycle: e.target.value === 'one_time' ? 'one_time' : r.cycle === 'one_time' ? 'monthly' : r.cycle })),
              ),
          }}
        >
          <option value="recurring">Recurring (services renew every cycle)</option>
          <option value="one_time">One-time</option>
          <option value="usage">Usage (billed in arrears per unit used, on contract orders)</option>
        </FormSelect>
        <div className="space-y-2 self-end text-sm">
          <FormCheckbox name="auto_activate">Goes live on payment (otherwise waits for approval)</FormCheckbox>
          {product ? <FormCheckbox name="active">On sale</FormCheckbox> : null}
        </div>
      </Card>

      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <FormSelect name="provisioning_module" label="Provisioning" hint="How a paid service gets set up before the order goes live.">
          <option value="">Nothing to set up</option>
          <option value="manual">Manual: an admin marks it provisioned</option>
          <option value="webhook">Webhook: a signed POST to your panel</option>
        </FormSelect>
        {values.provisioning_module === 'webhook' ? (
          <FormText name="provisioning_url" label="Webhook URL" placeholder="https://panel.example.com/cashdesk" />
        ) : null}
      </Card>

      <Card className="grid gap-4 p-5 sm:grid-cols-2">
        <FormText name="tax_code" label="Tax code" hint="Printed on its invoice lines, e.g. an HSN/SAC code" />
        <div className="space-y-2">
          <FormText
            name="included_credits"
            label={`Included credits per period (${values.prices[0]?.currency || 'first price’s currency'})`}
            inputMode="decimal"
            placeholder="none"
            hint="Prepaid credits each period posts to the customer’s wallet; usage draws on them first"
          />
          <FormCheckbox name="credits_rollover">Unused credits roll over (otherwise they lapse at period end)</FormCheckbox>
        </div>
      </Card>

      <Card className="p-5">
        <h2 className="mb-3 font-semibold">Prices</h2>
        <CellError message={errorOf('prices')} />
        <table className="w-full text-sm" aria-label="Prices">
          <thead className="text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th className="pb-2 font-medium">Cycle</th>
              <th className="pb-2 font-medium">Currency</th>
              <th className="pb-2 font-medium">{usage ? 'Price per unit' : 'Price'}</th>
              {usage ? null : <th className="pb-2 font-medium">Setup fee</th>}
              <th className="pb-2" />
            </tr>
          </thead>
          <tbody>
            {prices.fields.map((row, i) => {
              const p = values.prices[i] ?? row;
              return (
                <tr key={row.id} className="align-top">
                  <td className="py-1 pr-2">
                    <select
                      aria-label={`Cycle of price ${i + 1}`}
                      className={inputClass}
                      value={p.cycle}
                      onChange={(e) => edit(`prices.${i}`, `prices.${i}.cycle`, e.target.value)}
                    >
                      {cycleChoices.map((c) => (
                        <option key={c} value={c}>
                          {cycleLabel(c)}
                        </option>
                      ))}
                    </select>
                    <CellError message={errorOf(`prices.${i}.cycle`)} />
                  </td>
                  <td className="w-28 py-1 pr-2">
                    <Input
                      aria-label={`Currency of price ${i + 1}`}
                      maxLength={3}
                      value={p.currency}
                      onChange={(e) => edit(`prices.${i}`, `prices.${i}.currency`, e.target.value.toUpperCase())}
                    />
                    <CellError message={errorOf(`prices.${i}.currency`)} />
                  </td>
                  <td className="py-1 pr-2">
                    <Input
                      aria-label={usage ? `Price per unit of price ${i + 1}` : `Amount of price ${i + 1}`}
                      inputMode="decimal"
                      placeholder={usage ? '0.00015' : '0.00'}
                      value={p.amount}
                      onChange={(e) => edit(`prices.${i}`, `prices.${i}.amount`, e.target.value)}
                    />
                    <CellError message={errorOf(`prices.${i}.amount`)} />
                  </td>
                  {usage ? null : (
                    <td className="py-1 pr-2">
                      <Input
                        aria-label={`Setup fee of price ${i + 1}`}
                        inputMode="decimal"
                        placeholder="none"
                        value={p.setup_fee}
                        onChange={(e) => edit(`prices.${i}`, `prices.${i}.setup_fee`, e.target.value)}
                      />
                      <CellError message={errorOf(`prices.${i}.setup_fee`)} />
                    </td>
                  )}
                  <td className="w-10 py-1">
                    <RemoveButton label={`Remove price ${i + 1}`} disabled={prices.fields.length === 1} onClick={() => prices.remove(i)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => prices.append({ cycle: cycleChoices[0], currency: values.prices[0]?.currency ?? 'USD', amount: '', setup_fee: '' })}
        >
          <Plus className="size-4" aria-hidden /> Add price
        </Button>
      </Card>

      {/* A usage product is priced per unit used, without options (kept in view while it still has some, to remove them). */}
      <Card className="p-5" hidden={usage && groups.fields.length === 0}>
        <h2 className="font-semibold">Option groups</h2>
        <p className="mb-3 text-sm text-fg-muted">Choices the customer makes when ordering, each priced per price above; an empty cell is free.</p>
        <div className="space-y-4">
          {groups.fields.map((row, gi) => (
            <GroupEditor
              key={row.id}
              index={gi}
              group={values.option_groups[gi] ?? row}
              prices={values.prices}
              edit={edit}
              errorOf={errorOf}
              onRemove={() => groups.remove(gi)}
            />
          ))}
        </div>
        <Button variant="secondary" className="mt-3" onClick={() => groups.append(blankGroup())}>
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
    </Form>
  );
}
