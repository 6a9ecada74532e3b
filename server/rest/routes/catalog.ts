import { z } from 'zod';
import { formatMilli, trimDecimal } from '../../billing/decimal';
import { couponOutput, createCouponInput, createProductInput, listProductsInput, productOutput, replaceProductInput } from '../../schemas/catalog';
import { camelized, id } from '../../schemas/common';
import { createCoupon } from '../../services/catalog/create-coupon';
import { createProduct } from '../../services/catalog/create-product';
import { getProduct } from '../../services/catalog/get-product';
import { listCoupons } from '../../services/catalog/list-coupons';
import { listProducts } from '../../services/catalog/list-products';
import type { CouponRow, ProductView } from '../../services/catalog/store';
import { updateProduct } from '../../services/catalog/update-product';
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
    features: product.features,
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

const productIdInput = z.object({ id });

export const getProductRoute = defineRoute(
  {
    method: 'GET',
    path: '/products/{id}',
    summary: 'Get a product with its prices and option groups',
    tag: 'Catalog',
    permission: 'catalog.view',
    params: productIdInput,
    response: productOutput,
  },
  async ({ ctx, params }) => productJson(await getProduct(ctx, params)),
);

export const replaceProductRoute = defineRoute(
  {
    method: 'PUT',
    path: '/products/{id}',
    summary:
      'Replace a product as the console’s editor does: the whole product as on create, plus `active` (default true; false takes it off sale). Prices and option groups are replaced; groups and options sent with their id keep it. Orders placed before keep their prices',
    tag: 'Catalog',
    permission: 'catalog.manage',
    params: productIdInput,
    body: camelized(replaceProductInput),
    response: productOutput,
  },
  async ({ ctx, params, body }) => productJson(await updateProduct(ctx, { ...body, id: params.id })),
);

export const listCouponsRoute = defineRoute(
  {
    method: 'GET',
    path: '/coupons',
    summary: 'Coupons, newest first, with how often each was redeemed (`uses`); a reseller key sees only those it may apply now, without `uses`',
    tag: 'Catalog',
    permission: 'catalog.view',
    response: z.object({ data: z.array(couponOutput.extend({ uses: z.number().int().nullable() })) }),
  },
  async ({ ctx }) => ({ data: (await listCoupons(ctx)).map((c) => ({ ...couponJson(c), uses: c.uses })) }),
);
