import type { z } from 'zod';
import { formatMilli, trimDecimal } from '../../billing/decimal';
import { couponOutput, createCouponInput, createProductInput, listProductsInput, productOutput } from '../../schemas/catalog';
import { camelized } from '../../schemas/common';
import { createCoupon } from '../../services/catalog/create-coupon';
import { createProduct } from '../../services/catalog/create-product';
import { listProducts } from '../../services/catalog/list-products';
import type { CouponRow, ProductView } from '../../services/catalog/store';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

const priceJson = (p: { cycle: ProductView['prices'][number]['cycle']; currency: string; amount: bigint; setupFee?: bigint }) => ({
  cycle: p.cycle,
  currency: p.currency,
  amount: Number(p.amount),
  ...(p.setupFee !== undefined ? { setup_fee: Number(p.setupFee) } : {}),
});

export function productJson(product: ProductView): z.input<typeof productOutput> {
  return {
    id: product.id,
    name: product.name,
    description: product.description,
    category: product.category,
    type: product.type,
    auto_activate: product.autoActivate,
    provisioning_module: product.provisioningModule,
    provisioning_url: product.provisioningUrl,
    included_credits: product.includedCredits === null ? null : { amount: Number(product.includedCredits), rollover: product.creditsRollover },
    tax_code: product.taxCode,
    active: product.active,
    // A usage product's price is per unit, sub-cent allowed: its exact decimal string.
    prices: product.prices.map((p) => ({
      ...priceJson(p),
      ...(p.unitAmount !== null ? { amount: trimDecimal(p.unitAmount) } : {}),
      setup_fee: Number(p.setupFee),
    })),
    option_groups: product.optionGroups.map((g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      required: g.required,
      options: g.options.map((o) => ({ id: o.id, name: o.name, prices: o.prices.map((p) => priceJson(p)) })),
    })),
    created_at: product.createdAt.toISOString(),
  };
}

const couponJson = (c: CouponRow): z.input<typeof couponOutput> => ({
  id: c.id,
  code: c.code,
  type: c.type,
  value: c.type === 'percent' ? formatMilli(c.value) : Number(c.value),
  currency: c.currency,
  duration: c.duration,
  cycles: c.cycles,
  max_uses: c.maxUses,
  once_per_customer: c.oncePerCustomer,
  expires_at: c.expiresAt?.toISOString() ?? null,
  product_ids: c.productIds,
  created_at: c.createdAt.toISOString(),
});

export const createProductRoute = defineRoute(
  {
    method: 'POST',
    path: '/products',
    summary: 'Create a product with prices per cycle and option groups',
    tag: 'Catalog',
    permission: 'catalog.manage',
    body: camelized(createProductInput),
    response: productOutput,
    status: 201,
  },
  async ({ ctx, body }) => productJson(await createProduct(ctx, body)),
);

export const listProductsRoute = defineRoute(
  {
    method: 'GET',
    path: '/products',
    summary: 'List products, newest first',
    tag: 'Catalog',
    permission: 'catalog.view',
    query: listProductsInput,
    response: listOf(productOutput),
  },
  async ({ ctx, query }) => {
    const page = await listProducts(ctx, query);
    return { data: page.items.map(productJson), next_cursor: page.nextCursor };
  },
);

export const createCouponRoute = defineRoute(
  {
    method: 'POST',
    path: '/coupons',
    summary: 'Create a coupon',
    tag: 'Catalog',
    permission: 'catalog.manage',
    body: camelized(createCouponInput),
    response: couponOutput,
    status: 201,
  },
  async ({ ctx, body }) => couponJson(await createCoupon(ctx, body)),
);
