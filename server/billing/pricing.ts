// What a catalog line costs: plan price plus chosen options, per unit and cycle. Pure, so the
// storefront's live price and the server's order use the same code.

export type Priced = { cycle: string; currency: string; amount: bigint };
export type CatalogOption = { id: string; name: string; prices: readonly Priced[] };
export type CatalogGroup = {
  id: string;
  name: string;
  kind: 'select' | 'radio' | 'quantity' | 'checkbox';
  required: boolean;
  options: readonly CatalogOption[];
};
export type CatalogProduct = {
  id: string;
  name: string;
  prices: ReadonlyArray<Priced & { setupFee: bigint }>;
  optionGroups: readonly CatalogGroup[];
};
export type ChosenOptionInput = { optionId: string; quantity: number };
export type PricedOption = { groupId: string; optionId: string; name: string; quantity: number; amount: bigint };

export type LinePrice =
  | { ok: true; unitPrice: bigint; planPrice: bigint; setupFee: bigint; options: PricedOption[] }
  // `groupId`: the option group the refusal is about, when there is one (a form shows it there).
  | { ok: false; field: 'cycle' | 'options'; message: string; groupId?: string };

const fail = (field: 'cycle' | 'options', message: string, groupId?: string): LinePrice => ({ ok: false, field, message, ...(groupId ? { groupId } : {}) });

export function priceLine(product: CatalogProduct, cycle: string, currency: string, chosen: readonly ChosenOptionInput[]): LinePrice {
  const plan = product.prices.find((p) => p.cycle === cycle && p.currency === currency);
  if (!plan) return fail('cycle', `is not offered for ${product.name} in ${currency}`);

  const picked: PricedOption[] = [];
  for (const choice of chosen) {
    const group = product.optionGroups.find((g) => g.options.some((o) => o.id === choice.optionId));
    const option = group?.options.find((o) => o.id === choice.optionId);
    if (!group || !option) return fail('options', `includes an option that ${product.name} does not have`);
    if (group.kind !== 'quantity' && choice.quantity !== 1) return fail('options', `${group.name} is chosen once, not by quantity`, group.id);
    if ((group.kind === 'select' || group.kind === 'radio') && picked.some((p) => p.groupId === group.id)) {
      return fail('options', `${group.name} takes one choice`, group.id);
    }
    const price = option.prices.find((p) => p.cycle === cycle && p.currency === currency);
    if (!price) return fail('options', `${option.name} is not priced for ${cycle} in ${currency}`, group.id);
    picked.push({
      groupId: group.id,
      optionId: option.id,
      name: `${group.name}: ${option.name}`,
      quantity: choice.quantity,
      amount: price.amount * BigInt(choice.quantity),
    });
  }
  const missing = product.optionGroups.find((g) => g.required && !picked.some((p) => p.groupId === g.id));
  if (missing) return fail('options', `${missing.name} must be chosen`, missing.id);

  const optionsTotal = picked.reduce((sum, p) => sum + p.amount, 0n);
  return { ok: true, unitPrice: plan.amount + optionsTotal, planPrice: plan.amount, setupFee: plan.setupFee, options: picked };
}

/**
 * The options chosen on a plan in one line: "Operating system: Windows · RAM: 4 × GB" (an
 * option's name is "Group: Option"; a quantity goes before the option).
 */
export const optionSummary = (options: ReadonlyArray<{ name: string; quantity: number }>) =>
  options.map((o) => (o.quantity > 1 ? o.name.replace(/^(.*?: )?/, `$1${o.quantity} × `) : o.name)).join(' · ');
