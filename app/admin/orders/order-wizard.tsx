'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Plus, Trash2 } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState, type KeyboardEvent } from 'react';
import { get, useFieldArray, useForm, useWatch, type Path, type Resolver, type UseFormReturn } from 'react-hook-form';
import { toast } from 'sonner';
import { z } from 'zod';
import { formatUnitPrice, parseMajor, parseUnitPrice } from '@/server/billing/currency';
import { isPlainDate } from '@/server/billing/periods';
import { priceLine, type CatalogProduct } from '@/server/billing/pricing';
import type { FieldErrors } from '@/server/errors';
import { emailModes } from '@/server/schemas/orders';
import type { CustomerContactView } from '@/server/services/customers/contacts';
import { useMoney } from '../../_components/money';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { Form, FormCheckbox, FormError, FormSelect, FormText } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { humanize } from '../../_lib/format';
import { useTRPC } from '../../_lib/trpc';
import { AddContactDialog } from '../customers/[id]/actions/add-contact-dialog';
import { CustomerPicker, type PickedCustomer } from '../invoices/invoice-toolbar';
import { CustomerTaxDefaults } from './customer-tax-defaults';

/**
 * A catalog product as the wizard prices it (the storefront's pure pricing code). A usage
 * product's prices also carry their exact price per unit (minor units, up to six decimals).
 */
export type WizardProduct = Omit<CatalogProduct, 'prices'> & {
  prices: Array<CatalogProduct['prices'][number] & { unitAmount: string | null }>;
  active: boolean;
  usage: boolean;
};

// `usage`: the line's product is billed per unit used, in arrears — no seats, a price per unit.
type Line = { product_id: string; cycle: string; quantity: string; price_mode: 'catalog' | 'custom'; price: string; usage: boolean };
export type WizardValues = {
  customer_id: string;
  currency: string;
  contact_email: string;
  name: string;
  billing_day: string;
  due_days: string;
  start_date: string;
  no_end_date: boolean;
  end_date: string;
  email_mode: (typeof emailModes)[number];
  items: Line[];
};

const emailModeLabels: Record<(typeof emailModes)[number], string> = {
  off: 'Off',
  invoice: 'Invoice',
  invoice_with_payment_link: 'Invoice + payment link',
};

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, message)
    .transform(Number);

/**
 * What is typed, checked and turned into orders.place / orders.update's input. The custom price is
 * money in the customer's currency, read exactly into minor units (never a float).
 */
export const wizardSchema = (currency: string) =>
  z
    .object({
      customer_id: z.string().min(1, 'choose the customer'),
      currency: z.string(),
      contact_email: z
        .string()
        .trim()
        .refine((v) => v === '' || z.email().safeParse(v).success, 'must be a valid e-mail address'),
      name: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
      billing_day: whole(1, 31, 'must be 1 to 31'),
      due_days: whole(0, 365, 'must be 0 to 365'),
      start_date: z.string().refine(isPlainDate, 'must be a date'),
      no_end_date: z.boolean(),
      end_date: z.string(),
      email_mode: z.enum(emailModes),
      items: z
        .array(
          z.object({
            product_id: z.string().min(1, 'choose a product'),
            cycle: z.string().min(1, 'choose a cycle'),
            quantity: whole(1, 1000, 'must be a whole number from 1 to 1000'),
            price_mode: z.enum(['catalog', 'custom']),
            price: z.string(),
            usage: z.boolean(),
          }),
        )
        .min(1, 'add at least one product'),
    })
    // Checked even when another step still has errors, so each step's Next sees its own.
    .check((ctx) => {
      const v = ctx.value;
      if (!v.no_end_date) {
        if (!isPlainDate(v.end_date))
          ctx.issues.push({ code: 'custom', path: ['end_date'], message: 'must be a date, or tick No end date', input: v.end_date });
        else if (isPlainDate(v.start_date) && v.end_date < v.start_date)
          ctx.issues.push({ code: 'custom', path: ['end_date'], message: 'must be on or after the start date', input: v.end_date });
      }
      v.items.forEach((line, i) => {
        if (line.price_mode !== 'custom') return;
        if (line.usage) {
          if (parseUnitPrice(line.price, currency) === null)
            ctx.issues.push({
              code: 'custom',
              path: ['items', i, 'price'],
              message: `must be a price per unit like 0.00015 in ${currency}`,
              input: line.price,
            });
          return;
        }
        const minor = parseMajor(line.price, currency);
        if (minor === null || minor < 0n)
          ctx.issues.push({ code: 'custom', path: ['items', i, 'price'], message: `must be an amount like 12.50 in ${currency}`, input: line.price });
      });
    })
    .transform((v) => ({
      customer_id: v.customer_id,
      name: v.name,
      contact_email: v.contact_email === '' ? null : v.contact_email,
      billing_day: v.billing_day,
      due_days: v.due_days,
      start_date: v.start_date,
      end_date: v.no_end_date ? null : v.end_date,
      email_mode: v.email_mode,
      items: v.items.map((l) => ({
        product_id: l.product_id,
        cycle: l.cycle as 'monthly',
        quantity: l.usage ? 1 : l.quantity,
        ...(l.price_mode !== 'custom' ? {} : l.usage ? { price: parseUnitPrice(l.price, currency)! } : { price: Number(parseMajor(l.price, currency)) }),
      })),
    }));

type WizardOutput = z.output<ReturnType<typeof wizardSchema>>;

const steps = [
  { title: 'Order info', fields: ['customer_id', 'contact_email', 'name'] },
  { title: 'Order details', fields: ['billing_day', 'due_days', 'start_date', 'end_date', 'email_mode'] },
  { title: 'Lines', fields: ['items'] },
] as const;

/** The step holding a field (server paths included): the lines are the last, anything unknown the first. */
const stepOf = (path: string) => {
  if (path === 'items' || path.startsWith('items.')) return 2;
  const i = steps.findIndex((s) => (s.fields as readonly string[]).includes(path));
  return i < 0 ? 0 : i;
};

/** The cycles a product is sold on in this currency, one-time aside (a contract bills per period). */
const cyclesOf = (product: WizardProduct | undefined, currency: string) => [
  ...new Set((product?.prices ?? []).filter((p) => p.cycle !== 'one_time' && p.currency === currency).map((p) => p.cycle)),
];

/**
 * Orders → Create order (and Edit, for a draft): three steps — who and what it is called, when it
 * bills, and its lines — each checked before the next. Done saves a draft through orders.place
 * (or orders.update); the server prices it and its field errors land under their fields, on
 * whichever step holds them.
 */
export function OrderWizard({
  products,
  initial,
  initialCustomer,
  orderId,
}: {
  products: WizardProduct[];
  initial: WizardValues;
  initialCustomer: PickedCustomer | null;
  /** Editing this draft (orders.update) rather than creating one. */
  orderId?: string;
}) {
  const router = useRouter();
  const trpc = useTRPC();
  const money = useMoney();
  const [step, setStep] = useState(0);
  const [customer, setCustomer] = useState<PickedCustomer | null>(initialCustomer);
  const [addingContact, setAddingContact] = useState(false);
  // The custom prices are read in the picked customer's currency, so the schema follows it.
  const resolver: Resolver<WizardValues, unknown, WizardOutput> = (values, context, options) =>
    zodResolver(wizardSchema(values.currency))(values, context, options) as ReturnType<Resolver<WizardValues, unknown, WizardOutput>>;
  const form = useForm<WizardValues, unknown, WizardOutput>({ resolver, defaultValues: initial, reValidateMode: 'onSubmit' });
  const lines = useFieldArray({ control: form.control, name: 'items' });
  // Every field has a default, so what is watched is whole.
  const values = useWatch({ control: form.control }) as WizardValues;
  const currency = values.currency || 'USD';

  const landOnFields = (fields: FieldErrors) => {
    let first: number = steps.length;
    for (const [path, message] of Object.entries(fields)) {
      // A line's options are not chosen here: say it on the line's product.
      const name = path.replace(/^(items\.\d+)\.options$/, '$1.product_id');
      form.setError(name === '_' ? 'root' : (name as Path<WizardValues>), { message });
      first = Math.min(first, name === '_' ? 0 : stepOf(name));
    }
    if (first < steps.length) setStep(first);
  };
  const onError = showFieldErrors(landOnFields);
  const done = (order: { id: string; number: string }) => {
    toast.success(orderId ? `Draft ${order.number} saved` : `Draft order ${order.number} created`);
    router.push(`/admin/orders/${order.id}`);
    router.refresh();
  };
  const place = useMutation(trpc.orders.place.mutationOptions({ onError, onSuccess: done }));
  const update = useMutation(trpc.orders.update.mutationOptions({ onError, onSuccess: done }));
  const pending = place.isPending || update.isPending;

  async function next() {
    const ok = await form.trigger(steps[step]!.fields as unknown as Path<WizardValues>[]);
    if (ok) setStep((s) => s + 1);
  }

  function submit(input: WizardOutput) {
    if (orderId) {
      const { customer_id: _customer, ...changes } = input;
      update.mutate({ id: orderId, ...changes });
    } else {
      const { contact_email, ...rest } = input;
      place.mutate({ ...rest, ...(contact_email ? { contact_email } : {}), draft: true });
    }
  }

  // Enter in a field goes to the next step (not a save of the whole form); in a search box it does nothing.
  function enterMovesOn(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement) || e.target.type === 'checkbox') return;
    if (e.target.id === 'customer-search' || e.target.id === 'product-search') e.preventDefault();
    else if (step < 2) {
      e.preventDefault();
      void next();
    }
  }

  function pick(c: PickedCustomer | null) {
    setCustomer(c);
    form.setValue('customer_id', c?.id ?? '');
    // Another customer's contacts are not this one's: back to the customer's own address.
    form.setValue('contact_email', '');
    if (c) {
      form.setValue('currency', c.currency);
      form.clearErrors('customer_id');
    }
  }

  function addProduct(product: WizardProduct) {
    const cycle = cyclesOf(product, currency)[0] ?? '';
    lines.append({ product_id: product.id, cycle, quantity: '1', price_mode: 'catalog', price: '', usage: product.usage });
    form.clearErrors('items');
  }

  // Per period, before tax: catalog prices (the server's pricing code) or the custom price, × seats.
  // Usage is billed in arrears for what is used, so it is only named ("+ usage").
  const perCycle = new Map<string, bigint>();
  let complete = values.items.length > 0;
  const withUsage = values.items.some((line) => line.usage);
  values.items.forEach((line) => {
    if (line.usage) return;
    const unit = unitPriceOf(line, products, currency);
    const seats = /^\d+$/.test(line.quantity.trim()) ? BigInt(line.quantity.trim()) : null;
    if (unit === null || seats === null || !line.cycle) complete = false;
    else perCycle.set(line.cycle, (perCycle.get(line.cycle) ?? 0n) + unit * seats);
  });

  return (
    <Form form={form} onSubmit={submit} aria-label="Order wizard">
      {addingContact && customer ? (
        <AddContactDialog
          customerId={customer.id}
          onClose={() => setAddingContact(false)}
          onAdded={(contact) => {
            setAddingContact(false);
            form.setValue('contact_email', contact.email, { shouldDirty: true });
            form.clearErrors('contact_email');
          }}
        />
      ) : null}
      <ol className="mb-4 flex flex-wrap gap-2 text-sm" aria-label="Steps">
        {steps.map((s, i) => (
          <li
            key={s.title}
            aria-current={i === step ? 'step' : undefined}
            className={i === step ? 'rounded-full bg-accent/15 px-3 py-1 font-medium text-accent' : 'rounded-full px-3 py-1 text-fg-muted'}
          >
            {i + 1}. {s.title}
          </li>
        ))}
      </ol>
      <Card className="p-5" onKeyDown={enterMovesOn}>
        <h2 className="mb-4 font-semibold">
          Step {step + 1} of 3 — {steps[step]!.title}
        </h2>

        <div hidden={step !== 0} className="grid max-w-xl gap-4">
          {orderId && customer ? (
            <div className="text-sm" data-testid="picked-customer">
              <span className="text-fg-muted">Customer</span> <span className="font-medium">{customer.name}</span>{' '}
              <span className="text-fg-muted">· {customer.email}</span>
            </div>
          ) : (
            <CustomerPicker picked={customer} onPick={pick} error={form.formState.errors.customer_id?.message} />
          )}
          <ContactPicker
            customer={customer}
            value={values.contact_email}
            onChange={(email) => (form.setValue('contact_email', email, { shouldDirty: true }), form.clearErrors('contact_email'))}
            onAdd={() => setAddingContact(true)}
            error={form.formState.errors.contact_email?.message}
          />
          <FormText name="name" label="Order name" hint="For your team; the customer sees it on invoices too." />
        </div>

        <div hidden={step !== 1} className="grid max-w-xl gap-4 sm:grid-cols-2">
          <FormText name="billing_day" label="Billing day" inputMode="numeric" hint="Day of the month billing runs, 1–31 (31 = the month's last day)." />
          <FormText name="due_days" label="Payment due days" inputMode="numeric" hint="Days after the invoice date." />
          <FormText name="start_date" label="Start date" type="date" />
          <div className="space-y-2">
            <FormCheckbox name="no_end_date">No end date</FormCheckbox>
            <div hidden={values.no_end_date}>
              <FormText name="end_date" label="End date" type="date" hint="No period starting after it is billed." />
            </div>
          </div>
          <FormSelect name="email_mode" label="Invoice e-mail">
            {emailModes.map((m) => (
              <option key={m} value={m}>
                {emailModeLabels[m]}
              </option>
            ))}
          </FormSelect>
          <CustomerTaxDefaults customerId={customer?.id ?? null} />
        </div>

        <div hidden={step !== 2} className="space-y-4">
          <ProductSearch products={products} currency={currency} onAdd={addProduct} />
          {lines.fields.map((field, i) => (
            <LineRow key={field.id} index={i} form={form} products={products} currency={currency} onRemove={() => lines.remove(i)} />
          ))}
          {(() => {
            const message = (get(form.formState.errors, 'items.message') ?? get(form.formState.errors, 'items.root.message')) as string | undefined;
            return message ? (
              <p role="alert" className="text-sm text-danger">
                Lines: {message}
              </p>
            ) : null;
          })()}
          <div className="border-t border-border pt-3 text-sm" data-testid="period-total">
            <span className="text-fg-muted">Per period, before tax (estimate; the server prices the order when it saves): </span>
            {complete && (perCycle.size > 0 || withUsage) ? (
              <strong className="tabular-nums">
                {[
                  ...[...perCycle].map(([cycle, amount]) => `${money(amount, currency)} ${humanize(cycle).toLowerCase()}`),
                  ...(withUsage ? ['usage'] : []),
                ].join(' + ')}
              </strong>
            ) : (
              <strong>—</strong>
            )}
          </div>
        </div>

        <FormError className="mt-4 text-sm text-danger" />
        <div className="mt-6 flex justify-between gap-2 border-t border-border pt-4">
          <Button variant="secondary" onClick={() => (step === 0 ? router.back() : setStep(step - 1))}>
            {step === 0 ? 'Cancel' : 'Back'}
          </Button>
          {/* Keyed apart, and Done is no submit button: the click on Next that moves to the last step
              must not land on a Done put in its place (nor Enter in a seats field save the order). */}
          {step < 2 ? (
            <Button key="next" onClick={next}>
              Next
            </Button>
          ) : (
            <Button key="done" disabled={pending} onClick={() => void form.handleSubmit(submit)()}>
              Done
            </Button>
          )}
        </div>
      </Card>
    </Form>
  );
}

/** A usage line's price per unit used (minor units, up to six decimals): the catalog's or the custom one. */
function usagePriceOf(line: Line, products: WizardProduct[], currency: string): string | null {
  if (line.price_mode === 'custom') return parseUnitPrice(line.price, currency);
  const product = products.find((p) => p.id === line.product_id);
  return product?.prices.find((p) => p.cycle === line.cycle && p.currency === currency)?.unitAmount ?? null;
}

/** The line's price per unit and cycle: the catalog's (no options chosen here) or the custom one. */
function unitPriceOf(line: Line, products: WizardProduct[], currency: string): bigint | null {
  if (line.price_mode === 'custom') {
    const minor = parseMajor(line.price, currency);
    return minor !== null && minor >= 0n ? minor : null;
  }
  const product = products.find((p) => p.id === line.product_id);
  if (!product || !line.cycle) return null;
  const priced = priceLine(product, line.cycle, currency, []);
  return priced.ok ? priced.unitPrice : null;
}

function ProductSearch({ products, currency, onAdd }: { products: WizardProduct[]; currency: string; onAdd: (p: WizardProduct) => void }) {
  const [q, setQ] = useState('');
  const term = q.trim().toLowerCase();
  const sellable = products.filter((p) => p.active && cyclesOf(p, currency).length > 0);
  const found = term ? sellable.filter((p) => p.name.toLowerCase().includes(term)).slice(0, 8) : [];
  return (
    <Field label="Search products" name="product-search" hint={`Products sold per period in ${currency}; pick one to add a line.`}>
      <Input id="product-search" placeholder="Product name" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
      {term ? (
        <ul className="mt-1 max-h-48 overflow-auto rounded-md border border-border" aria-label="Matching products">
          {found.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="flex w-full items-center gap-2 px-3 py-1.5 text-left text-sm hover:bg-muted"
                onClick={() => (onAdd(p), setQ(''))}
              >
                <Plus className="size-3.5" aria-hidden />
                {p.name}
              </button>
            </li>
          ))}
          {found.length === 0 ? <li className="px-3 py-1.5 text-sm text-fg-muted">No product matches.</li> : null}
        </ul>
      ) : null}
    </Field>
  );
}

function LineRow({
  index,
  form,
  products,
  currency,
  onRemove,
}: {
  index: number;
  form: UseFormReturn<WizardValues, unknown, WizardOutput>;
  products: WizardProduct[];
  currency: string;
  onRemove: () => void;
}) {
  const money = useMoney();
  const n = index + 1;
  const line = useWatch({ control: form.control, name: `items.${index}` });
  const product = products.find((p) => p.id === line.product_id);
  const cycles = cyclesOf(product, currency);
  const unit = unitPriceOf(line, products, currency);
  const catalog = product && line.cycle ? priceLine(product, line.cycle, currency, []) : null;
  const perUnit = (unitAmount: string) => `${formatUnitPrice(unitAmount, currency)} ${currency} per unit`;
  const catalogUnit = line.usage ? usagePriceOf({ ...line, price_mode: 'catalog' }, products, currency) : null;
  const usageUnit = line.usage ? usagePriceOf(line, products, currency) : null;
  const error = (key: keyof Line) => get(form.formState.errors, `items.${index}.${key}.message`) as string | undefined;
  const id = (key: string) => `items-${index}-${key}`;
  const invalid = (key: keyof Line) => (error(key) ? { 'aria-invalid': true, 'aria-describedby': `${id(key)}-error` } : {});
  return (
    <fieldset className="grid gap-3 rounded-md border border-border p-3 sm:grid-cols-12" aria-label={`Line ${n}`}>
      <legend className="sr-only">Line {n}</legend>
      <div className="sm:col-span-4">
        <Field label={`Product ${n}`} name={id('product_id')} error={error('product_id')}>
          <select
            id={id('product_id')}
            className={inputClass}
            {...invalid('product_id')}
            {...form.register(`items.${index}.product_id`, {
              // Another product: its first cycle on sale in this currency, rather than one it may lack;
              // a usage product has no seats.
              onChange: (e: { target: { value: string } }) => {
                const picked = products.find((p) => p.id === e.target.value);
                form.setValue(`items.${index}.cycle`, cyclesOf(picked, currency)[0] ?? '');
                form.setValue(`items.${index}.usage`, picked?.usage ?? false);
                if (picked?.usage) form.setValue(`items.${index}.quantity`, '1');
              },
            })}
          >
            {products
              .filter((p) => p.active || p.id === line.product_id)
              .map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
          </select>
        </Field>
      </div>
      <div className="sm:col-span-2">
        <Field label={`Cycle ${n}`} name={id('cycle')} error={error('cycle')}>
          <select id={id('cycle')} className={inputClass} {...invalid('cycle')} {...form.register(`items.${index}.cycle`)}>
            {cycles.length === 0 ? <option value="">Not sold in {currency}</option> : null}
            {cycles.map((c) => (
              <option key={c} value={c}>
                {humanize(c)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="sm:col-span-2" hidden={line.usage}>
        <Field label={`Seats ${n}`} name={id('quantity')} error={error('quantity')}>
          <Input id={id('quantity')} inputMode="numeric" {...invalid('quantity')} {...form.register(`items.${index}.quantity`)} />
        </Field>
      </div>
      <div className="sm:col-span-3">
        <Field label={`Price ${n}`} name={id('price_mode')} error={error('price_mode')}>
          <select id={id('price_mode')} className={inputClass} {...form.register(`items.${index}.price_mode`)}>
            <option value="catalog">
              Catalog price
              {line.usage ? (catalogUnit !== null ? ` (${perUnit(catalogUnit)})` : '') : catalog?.ok ? ` (${money(catalog.unitPrice, currency)})` : ''}
            </option>
            <option value="custom">Custom price</option>
          </select>
        </Field>
      </div>
      <div className="flex items-end justify-end sm:col-span-1">
        <button type="button" aria-label={`Remove line ${n}`} className="flex h-9 items-center px-2 text-fg-muted hover:text-danger" onClick={onRemove}>
          <Trash2 className="size-4" aria-hidden />
        </button>
      </div>
      <div hidden={line.price_mode !== 'custom'} className="sm:col-span-4">
        <Field
          label={`Custom price ${n} (${currency})`}
          name={id('price')}
          error={error('price')}
          hint={line.usage ? 'Per unit used, replacing the catalog’s; sub-cent allowed, e.g. 0.00015.' : "Per seat and cycle, replacing the catalog's."}
        >
          <Input id={id('price')} inputMode="decimal" {...invalid('price')} {...form.register(`items.${index}.price`)} />
        </Field>
      </div>
      <p className="text-sm text-fg-muted sm:col-span-12" data-testid={`line-total-${n}`}>
        {line.usage
          ? usageUnit !== null
            ? `${perUnit(usageUnit)} used, billed in arrears after each ${humanize(line.cycle).toLowerCase()} period`
            : '—'
          : unit !== null && /^\d+$/.test(line.quantity.trim())
            ? `${line.quantity.trim()} × ${money(unit, currency)} = ${money(unit * BigInt(line.quantity.trim()), currency)} ${humanize(line.cycle).toLowerCase()}`
            : catalog && !catalog.ok
              ? `Catalog: ${catalog.message}`
              : '—'}
      </p>
    </fieldset>
  );
}

const addContactOption = '__add_contact__';

/**
 * Step 1's billing contact: the customer's own address (the default, sent as no
 * `contact_email`), one of its contacts, or "Add a contact…", which opens the dialog and selects
 * the contact it creates. A draft's address that is no longer a contact stays offered as it is.
 * Adding needs customers.edit, which not everyone placing orders holds.
 */
function ContactPicker({
  customer,
  value,
  onChange,
  onAdd,
  error,
}: {
  customer: PickedCustomer | null;
  value: string;
  onChange: (email: string) => void;
  onAdd: () => void;
  error: string | undefined;
}) {
  const trpc = useTRPC();
  const me = useQuery(trpc.me.queryOptions());
  const contacts = useQuery({ ...trpc.customers.contacts.queryOptions({ id: customer?.id ?? '' }), enabled: Boolean(customer) });
  const known: Array<Pick<CustomerContactView, 'name' | 'email'>> = customer ? (contacts.data ?? []) : [];
  const listed = value === '' || known.some((c) => c.email === value) ? known : [...known, { name: '', email: value }];
  const canAdd = Boolean(customer) && (me.data?.permissions.includes('customers.edit') ?? false);
  return (
    <Field label="Billing contact" name="contact-picker" error={error} hint="Who this order’s invoices are e-mailed to.">
      <select
        id="contact-picker"
        className={inputClass}
        value={value}
        disabled={!customer}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'contact-picker-error' : undefined}
        onChange={(e) => (e.target.value === addContactOption ? onAdd() : onChange(e.target.value))}
      >
        <option value="">{customer ? `The customer’s e-mail (${customer.email})` : 'The customer’s e-mail'}</option>
        {listed.map((c) => (
          <option key={c.email} value={c.email}>
            {c.name ? `${c.name} · ${c.email}` : c.email}
          </option>
        ))}
        {canAdd ? <option value={addContactOption}>Add a contact…</option> : null}
      </select>
    </Field>
  );
}
