import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { customers, products, services, type ChosenOption } from '@/db/schema';
import { requirePermission, type Actor } from '@/server/auth/actor';
import { changePlanPermission } from '@/server/auth/permissions';
import type { CatalogGroup } from '@/server/billing/pricing';
import { AppError, notFound } from '@/server/errors';
import type { BillingSettings } from '@/server/schemas/settings';
import { loadProducts, type ProductView } from '@/server/services/catalog/store';
import type { ServiceContext } from '@/server/services/context';
import { customerScope } from '@/server/services/customers/scope';
import { readBillingSettings } from '@/server/services/settings/read';

type ServiceRow = typeof services.$inferSelect;

/** A plan a service may move to, as the change-plan form offers it: cycles and option groups in the service's currency. */
export type PlanChoice = {
  id: string;
  name: string;
  cycles: string[];
  optionGroups: Array<Pick<CatalogGroup, 'id' | 'name' | 'kind' | 'required'> & { options: Array<{ id: string; name: string }> }>;
};

/** Whether the actor changes plans as the customer (the portal) rather than as the desk. */
export const selfService = (actor: Actor) => actor.scope.kind === 'customer';

/** The permission a plan change needs: the desk's (changePlanPermission), or a customer's own orders.create. */
export const requirePlanChange = (actor: Actor) => requirePermission(actor, selfService(actor) ? 'orders.create' : changePlanPermission(actor.role));

/** The service, when the actor may see it (another tenant's, or another customer's, is not found). */
export async function findService(db: Database, actor: Actor, serviceId: string): Promise<ServiceRow> {
  const [found] = await db
    .select({ service: services })
    .from(services)
    .innerJoin(customers, eq(customers.id, services.customerId))
    .where(and(eq(services.id, serviceId), customerScope(actor.scope)));
  if (!found) throw notFound('Service');
  return found.service;
}

/**
 * The products the form offers: every recurring product on sale to the desk; to the customer,
 * only when Settings allow self-service plan changes, and then the products of the current
 * plan's category (the current product alone when it has none) — the desk groups what is
 * interchangeable by category.
 */
async function offeredProducts(db: Database, actor: Actor, service: ServiceRow, settings: BillingSettings): Promise<ProductView[]> {
  const customer = selfService(actor);
  if (customer && !settings.self_service.plan_changes) throw new AppError('forbidden', 'Plan changes are made by our staff: please contact us');
  const [current] = await db.select({ category: products.category }).from(products).where(eq(products.id, service.productId));
  const rows = await db
    .select({ id: products.id })
    .from(products)
    .where(
      and(
        eq(products.active, true),
        eq(products.type, 'recurring'),
        customer ? (current?.category ? eq(products.category, current.category) : eq(products.id, service.productId)) : undefined,
      ),
    )
    .orderBy(asc(products.name));
  return loadProducts(
    db,
    rows.map((r) => r.id),
  );
}

/**
 * The product a change names. The desk may name any product (the change refuses what cannot be
 * priced); the customer only one the form offers them, else a field error.
 */
export async function targetProduct(db: Database, actor: Actor, service: ServiceRow, productId: string, settings: BillingSettings): Promise<ProductView> {
  const product = selfService(actor)
    ? (await offeredProducts(db, actor, service, settings)).find((p) => p.id === productId)
    : (await loadProducts(db, [productId]))[0];
  if (!product) {
    throw new AppError('validation', 'Unknown product', {
      product_id: selfService(actor) ? 'is not a plan this service can move to' : 'is not a product on sale',
    });
  }
  return product;
}

export const planChoiceOf = (product: ProductView, currency: string): PlanChoice => ({
  id: product.id,
  name: product.name,
  cycles: [...new Set(product.prices.filter((p) => p.currency === currency && p.cycle !== 'one_time').map((p) => p.cycle))],
  optionGroups: product.optionGroups.map((g) => ({
    id: g.id,
    name: g.name,
    kind: g.kind,
    required: g.required,
    options: g.options.filter((o) => o.prices.some((p) => p.currency === currency)).map((o) => ({ id: o.id, name: o.name })),
  })),
});

/**
 * What the change-plan form offers for a service: its plan now (product, cycle, options) and the
 * plans it may move to, each with its cycles and option groups in the service's currency.
 */
export async function planChoices(
  ctx: ServiceContext,
  input: { serviceId: string },
): Promise<{ current: { productId: string; cycle: string; options: ChosenOption[] }; plans: PlanChoice[] }> {
  requirePlanChange(ctx.actor);
  const service = await findService(ctx.db, ctx.actor, input.serviceId);
  const plans = await offeredProducts(ctx.db, ctx.actor, service, await readBillingSettings(ctx.db));
  return {
    current: { productId: service.productId, cycle: service.cycle, options: service.options },
    plans: plans.map((p) => planChoiceOf(p, service.currency)).filter((p) => p.cycles.length > 0),
  };
}
