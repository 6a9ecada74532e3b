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
  { ok: true; unitPrice: bigint; planPrice: bigint; setupFee: bigint; options: PricedOption[] } | { ok: false; field: 'cycle' | 'options'; message: string };

const fail = (field: 'cycle' | 'options', message: string): LinePrice => ({ ok: false, field, message });

export function priceLine(product: CatalogProduct, cycle: string, currency: string, chosen: readonly ChosenOptionInput[]): LinePrice {
  const plan = product.prices.find((p) => p.cycle === cycle && p.currency === currency);
  if (!plan) return fail('cycle', `is not offered for ${product.name} in ${currency}`);

  const picked: PricedOption[] = [];
  for (const choice of chosen) {
    const group = product.optionGroups.find((g) => g.options.some((o) => o.id === choice.optionId));
    const option = group?.options.find((o) => o.id === choice.optionId);
    if (!group || !option) return fail('options', `includes an option that ${product.name} does not have`);
    if (group.kind !== 'quantity' && choice.quantity !== 1) return fail('options', `${group.name} is chosen once, not by quantity`);
    if ((group.kind === 'select' || group.kind === 'radio') && picked.some((p) => p.groupId === group.id)) {
      return fail('options', `${group.name} takes one choice`);
    }
    const price = option.prices.find((p) => p.cycle === cycle && p.currency === currency);
    if (!price) return fail('options', `${option.name} is not priced for ${cycle} in ${currency}`);
    picked.push({
      groupId: group.id,
      optionId: option.id,
      name: `${group.name}: ${option.name}`,
      quantity: choice.quantity,
      amount: price.amount * BigInt(choice.quantity),
    });
  }
  const missing = product.optionGroups.find((g) => g.required && !picked.some((p) => p.groupId === g.id));
  if (missing) return fail('options', `${missing.name} must be chosen`);

  const optionsTotal = picked.reduce((sum, p) => sum + p.amount, 0n);
  return { ok: true, unitPrice: plan.amount + optionsTotal, planPrice: plan.amount, setupFee: plan.setupFee, options: picked };
}
