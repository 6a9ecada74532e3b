import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { appRouter, createCaller } from '@/server/api/root';
import { systemActor, type Actor } from '@/server/auth/actor';
import { currentUser, type SessionUser } from '@/server/auth/next-auth';
import { permissions, type Permission, type Role } from '@/server/auth/permissions';
import { routes as openApiRoutes } from '@/server/rest/openapi';
import { createCouponInput, createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { placeOrderInput } from '@/server/schemas/orders';
import { createCoupon } from '@/server/services/catalog/create-coupon';
import { createProduct } from '@/server/services/catalog/create-product';
import { adjustCredit } from '@/server/services/credit/adjust';
import { addCustomerContact } from '@/server/services/customers/add-contact';
import { updateCustomer } from '@/server/services/customers/update';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { sendInvoice } from '@/server/services/invoices/send';
import { addNote } from '@/server/services/notes/manage-notes';
import { addOrderLabel } from '@/server/services/orders/edit-details';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { createApiKey } from '@/server/services/people/api-keys';
import { createSavedView } from '@/server/services/saved-views/manage-views';
import { generateVoucherBatch } from '@/server/services/vouchers/generate-batch';
import { createWebhookEndpoint } from '@/server/services/webhooks/endpoints';
import { withTestDatabase } from '../support/database';
import { testNow } from '../support/fixed-clock';
import { ctxOf, givenCustomer, givenInvoice, givenProduct, givenUser } from '../support/fixtures';
import { apiRequest, params } from '../support/rest';
import {
  actorNames,
  knownLeaks,
  pageMatrix,
  restMatrix,
  routeMatrix,
  trpcMatrix,
  viewerPermissions,
  type ActorName,
  type Cell,
  type Expect,
  type Need,
  type Tenant,
} from './matrix';

// Pages, layouts and console downloads read the next-auth session; here it is whoever the cell says.
vi.mock('@/server/auth/next-auth', () => ({ currentUser: vi.fn() }));
vi.mock('server-only', () => ({}));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '127.0.0.1' }) }));
// Layouts read the page's language from next-intl's request config, which only a Next.js server
// sets up; the guards under test do not depend on it.
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en', getTranslations: async () => (key: string) => key }));

const { db } = withTestDatabase();
const root = path.resolve(import.meta.dirname, '../..');
type Module = Record<string, unknown>;
const routeFiles = import.meta.glob<Module>('/app/**/route.ts');
const pageFiles = import.meta.glob<Module>('/app/**/page.tsx');
const layoutFiles = import.meta.glob<Module>('/app/**/layout.tsx');
const source = (key: string) => readFileSync(path.join(root, key), 'utf8');

type Records = { live: Tenant; reused: Tenant };
type Who = { actor: Actor | null; session: SessionUser | null; key: string | null; own: Records; other: Records | null };
let who: Record<ActorName, Who>;
let tenants: { A: Records; B: Records };
const tenantIds = { A: new Set<string>(), B: new Set<string>() };

/**
 * What the desk keeps to itself: clients read none of it (notes, labels), resellers not the desk's
 * notes on their customers, a provisioning URL or a coupon they may not apply now (docs/architecture.md,
 * "what a reseller reads").
 */
const deskSecrets = {
  invoiceNote: 'desk-secret-invoice-note',
  orderLabel: 'desk-secret-label',
  customerNote: 'desk-secret-customer-note',
  provisioningUrl: 'https://panel.example.test/desk-secret-provisioning',
  expiredCoupon: 'DESKSECRETEXPIRED',
};
const hiddenFrom = {
  clients: Object.values(deskSecrets),
  resellers: [deskSecrets.customerNote, deskSecrets.provisioningUrl, deskSecrets.expiredCoupon],
};

let counter = 0;
const unique = () => `${process.pid}${++counter}`;

/**
 * A tenant's records. `live` makes a new record each time a cell asks (a passing call may use
 * it up); `reused` hands the same one to every cell that must be refused before touching it.
 */
async function makeTenant(
  name: 'A' | 'B',
  reseller: { id: string; actor: Actor },
  rivalResellerId: string,
  productId: string,
  admin: Actor,
): Promise<{ live: Tenant; reused: Tenant; customerId: string }> {
  const system = ctxOf(db(), systemActor());
  const ids = tenantIds[name];
  // Ids, e-mails and numbers: what would give another tenant's record away in JSON or CSV.
  const seen = <T extends string>(id: T, ...marks: Array<string | null>) => {
    for (const mark of [id, ...marks]) if (mark) ids.add(mark);
    return id;
  };
  const customer = await givenCustomer(db(), { name: `Tenant ${name}` }, { actor: reseller.actor });
  await adjustCredit(system, { customerId: customer.id, amount: 1_000_000n, reason: 'authz fixtures' });
  const invoice = await createInvoice(system, {
    customerId: customer.id,
    status: 'pending',
    internalNotes: deskSecrets.invoiceNote,
    items: [{ description: 'Hosting', quantity: 1000n, unitPrice: 1_000_000n, taxRate: 0n }],
  });
  const placeFor = (customerId: string) =>
    placeOrder(system, camelized(placeOrderInput).parse({ customer_id: customerId, items: [{ product_id: productId, cycle: 'monthly' }] }));
  const order = await placeFor(customer.id);
  await addOrderLabel(system, { id: order.id, label: deskSecrets.orderLabel });
  await addNote(ctxOf(db(), admin), { scope: 'customer', id: customer.id, body: deskSecrets.customerNote });
  seen(customer.id, customer.email, reseller.id);
  seen(invoice.id, invoice.number);
  seen(order.id, order.number);
  seen(order.invoiceId!);
  const pending = async (customerId = customer.id) => {
    const made = await givenInvoice(db(), { customerId, total: 1000n });
    return seen(made.id, made.number);
  };
  const live: Tenant = {
    customerId: customer.id,
    invoiceId: invoice.id,
    orderId: order.id,
    productId,
    rivalResellerId,
    resellerId: reseller.id,
    unique,
    idempotencyKey: () => `authz-idempotency-${unique()}`,
    fresh: {
      draftInvoice: async () => seen((await givenInvoice(db(), { customerId: customer.id, status: 'draft' })).id),
      pendingInvoice: () => pending(),
      paidInvoice: async () => {
        const id = await pending();
        await markInvoicePaid(system, { id, method: 'cash' });
        return id;
      },
      customerWithOpenInvoices: async () => {
        const other = await givenCustomer(db(), {}, { actor: reseller.actor });
        seen(other.id, other.email);
        await pending(other.id);
        await pending(other.id);
        return other.id;
      },
      order: async () => {
        const placed = await placeFor(customer.id);
        seen(placed.id, placed.number);
        seen(placed.invoiceId!);
        return { id: placed.id, lineId: placed.lines[0]!.id, serviceId: seen(placed.services[0]!.id) };
      },
      customerNote: async () => (await addNote(ctxOf(db(), admin), { scope: 'customer', id: customer.id, body: 'authz note' })).id,
      adminSavedView: async () => (await createSavedView(ctxOf(db(), admin), { list: 'invoices', name: `Authz ${unique()}`, query: {} })).id,
      customerContact: async () => {
        const contact = await addCustomerContact(system, { customerId: customer.id, name: 'Authz Desk', email: `contact-${unique()}@example.test` });
        return seen(contact.id, contact.email);
      },
      voucherBatch: async () => (await generateVoucherBatch(system, { value: 500n, currency: 'USD', expiresOn: '2099-12-31', count: 1 })).id,
      voucher: async () => (await generateVoucherBatch(system, { value: 500n, currency: 'USD', expiresOn: '2099-12-31', count: 1 })).cards[0]!.id,
      webhookEndpoint: async () => (await createWebhookEndpoint(system, { url: 'https://93.184.215.14/hooks', events: ['invoice.paid'] })).id,
      staffUser: async () => (await givenUser(db(), 'staff')).id,
      collector: async () => (await givenUser(db(), 'collector')).id,
      collectorPayment: async () => {
        const { payment } = await recordPayment(system, { invoiceId: await pending(), amount: 100n, method: 'collector', reference: 'AUTHZ-RB' });
        return payment.id;
      },
      apiKey: async () => (await createApiKey(system, { name: 'authz', role: 'staff' })).id,
      outboxMessage: async () => {
        await sendInvoice(system, { id: invoice.id, channel: 'email', origin: 'http://localhost' });
        const [row] = await db().select({ id: emailOutbox.id }).from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(1);
        return row!.id;
      },
    },
  };
  const once = (make: () => Promise<unknown>) => {
    let made: Promise<unknown> | undefined;
    return () => (made ??= make());
  };
  const fresh = Object.fromEntries(Object.entries(live.fresh).map(([kind, make]) => [kind, once(make)])) as unknown as Tenant['fresh'];
  return { live, reused: { ...live, fresh }, customerId: customer.id };
}

const person = async (role: Role, options: { customerId?: string; permissions?: Permission[] } = {}) => {
  const user = await givenUser(db(), role, options);
  return { ...user, session: { id: user.id, email: user.actor.label, name: user.actor.label, role } satisfies SessionUser };
};
const key = async (role: Role, options: { resellerId?: string; permissions?: Permission[] } = {}) =>
  (
    await createApiKey(ctxOf(db(), systemActor()), {
      name: `authz ${role}`,
      role,
      resellerId: options.resellerId ?? null,
      permissions: options.permissions ?? [],
    })
  ).key;

/**
 * The staff member of a cell: without any permission when the entry needs none, with every
 * permission but the one it needs, and with all of them where only the admin role will do — so
 * a procedure checking the wrong permission, or a permission instead of the role, shows.
 */
const staffByNeed = new Map<string, Promise<Who>>();
function staffWithout(needs: Need | undefined): Promise<Who> {
  const name = needs ?? 'nothing';
  let made = staffByNeed.get(name);
  if (!made) {
    const granted = needs === undefined ? [] : permissions.filter((p) => p !== needs);
    made = (async () => {
      const [user, apiKey] = await Promise.all([person('staff', { permissions: granted }), key('staff', { permissions: granted })]);
      return { actor: user.actor, session: user.session, key: apiKey, own: tenants.A, other: null };
    })();
    staffByNeed.set(name, made);
  }
  return made;
}

beforeAll(async () => {
  const [resellerX, resellerY, viewer, admin] = await Promise.all([
    person('reseller'),
    person('reseller'),
    person('staff', { permissions: viewerPermissions }),
    person('admin'),
  ]);
  const product = await givenProduct(db());
  const system = ctxOf(db(), systemActor());
  await createProduct(
    system,
    camelized(createProductInput).parse({
      name: 'Provisioned',
      type: 'recurring',
      prices: [{ cycle: 'monthly', currency: 'USD', amount: 1000 }],
      provisioning_module: 'webhook',
      provisioning_url: deskSecrets.provisioningUrl,
    }),
  );
  await createCoupon(
    system,
    camelized(createCouponInput).parse({
      code: deskSecrets.expiredCoupon,
      type: 'percent',
      value: 10,
      duration: 'once',
      expires_at: new Date(testNow.getTime() - 86_400_000).toISOString(),
    }),
  );
  const a = await makeTenant('A', resellerX, resellerY.id, product.id, admin.actor);
  const b = await makeTenant('B', resellerY, resellerX.id, product.id, admin.actor);
  tenants = { A: a, B: b };
  const [clientA, clientB, collector] = await Promise.all([
    person('client', { customerId: a.customerId }),
    person('client', { customerId: b.customerId }),
    person('collector'),
  ]);
  // The collector's round is tenant A's customer; tenant B's is nobody's.
  await updateCustomer(system, { id: a.customerId, collectorId: collector.id });
  const desk = (p: typeof admin, apiKey: string): Who => ({ actor: p.actor, session: p.session, key: apiKey, own: tenants.A, other: null });
  who = {
    anonymous: { actor: null, session: null, key: null, own: tenants.A, other: null },
    clientA: { actor: clientA.actor, session: clientA.session, key: null, own: tenants.A, other: tenants.B },
    clientB: { actor: clientB.actor, session: clientB.session, key: null, own: tenants.B, other: tenants.A },
    resellerX: {
      actor: resellerX.actor,
      session: resellerX.session,
      key: await key('reseller', { resellerId: resellerX.id }),
      own: tenants.A,
      other: tenants.B,
    },
    resellerY: {
      actor: resellerY.actor,
      session: resellerY.session,
      key: await key('reseller', { resellerId: resellerY.id }),
      own: tenants.B,
      other: tenants.A,
    },
    // Replaced per entry by staffWithout(entry.needs).
    staffWithout: await staffWithout(undefined),
    viewer: desk(viewer, await key('staff', { permissions: viewerPermissions })),
    admin: desk(admin, await key('admin')),
    collector: { actor: collector.actor, session: collector.session, key: null, own: tenants.A, other: tenants.B },
  };
});

// ---- outcomes -------------------------------------------------------------------------------

/** What a call got: 'ok', or the HTTP status of its refusal. */
type Got = 'ok' | number;
type Attempt = { got: Got; text?: string; error?: string };

const groupOf = (actor: ActorName): keyof Expect =>
  actor === 'clientA' || actor === 'clientB' ? 'clients' : actor === 'resellerX' || actor === 'resellerY' ? 'resellers' : actor;

/** The one or two checks a cell stands for: on the actor's own tenant, and on the other's. */
function checksOf(cell: Cell): Array<{ on: 'own' | 'other'; want: Cell }> {
  const split = /^own:(\S+) other:(\S+)$/.exec(String(cell));
  if (!split) return [{ on: 'own', want: cell }];
  const parse = (v: string): Cell => (v === 'ok' || v === 'allowed' ? v : (Number(v) as Cell));
  return [
    { on: 'own', want: parse(split[1]!) },
    { on: 'other', want: parse(split[2]!) },
  ];
}

const passedAuthz = (got: Got) => got === 'ok' || got === 400 || got === 402 || got === 409;
const matches = (want: Cell, got: Got) => (want === 'allowed' ? passedAuthz(got) : want === got);
/** More than the rules allow: past a refusal the table expects, or a 403 where another tenant's record must not exist. */
const isLeak = (want: Cell, got: Got, on: 'own' | 'other') =>
  (typeof want === 'number' && want >= 401 && passedAuthz(got)) || (on === 'other' && want === 404 && got === 403);

const cellsChecked = { count: 0 };
const leaksSeen: string[] = [];
const failures: string[] = [];
/** Runs a group of cells and fails with every cell off the table or leaking outside knownLeaks. */
async function cells(run: () => Promise<void>) {
  const before = failures.length;
  await run();
  expect(failures.slice(before)).toEqual([]);
}

function judge(label: string, actor: ActorName, on: 'own' | 'other', want: Cell, attempt: Attempt) {
  cellsChecked.count++;
  const known = knownLeaks.some((k) => k.call === label && k.actor === actor);
  const where = `${label} as ${actor}${on === 'other' ? ' on the other tenant' : ''}`;
  let leak = !matches(want, attempt.got) && isLeak(want, attempt.got, on);
  // A passing answer to a tenant must not carry the other tenant's records.
  const other =
    actor === 'clientA' || actor === 'resellerX' || actor === 'collector' ? tenantIds.B : actor === 'clientB' || actor === 'resellerY' ? tenantIds.A : null;
  // A collector reads what a client would of its customers, no more: the desk's notes and labels neither.
  const hidden =
    actor === 'clientA' || actor === 'clientB' || actor === 'collector'
      ? hiddenFrom.clients
      : actor === 'resellerX' || actor === 'resellerY'
        ? hiddenFrom.resellers
        : [];
  const shown = attempt.got === 'ok' && attempt.text ? [...(other ?? []), ...hidden].find((mark) => attempt.text!.includes(mark)) : undefined;
  if (shown) leak = true;
  if (leak) {
    leaksSeen.push(where);
    if (!known) failures.push(`LEAK ${where}: expected ${want}, got ${attempt.got}${shown ? ` showing ${shown}` : ''}`);
    return;
  }
  if (known) failures.push(`${where} is in knownLeaks but no longer leaks: remove it`);
  if (!matches(want, attempt.got)) failures.push(`${where}: expected ${want}, got ${attempt.got}${attempt.error ? ` (${attempt.error})` : ''}`);
}

const json = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? '';

async function attemptTrpc(actor: Actor | null, call: string, input: unknown): Promise<Attempt> {
  const caller = createCaller({ db: db(), actor, origin: 'http://localhost' }) as unknown as Record<string, unknown>;
  const procedure = call.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], caller) as (input: unknown) => Promise<unknown>;
  try {
    return { got: 'ok', text: json(await procedure(input)) };
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return { got: getHTTPStatusCodeFromError(error), error: error.message };
  }
}

/**
 * The pay buttons answer every refusal with a redirect to the return page carrying the service's
 * message; the message is all that says which refusal it was.
 */
function payRedirectOutcome(location: string): Attempt {
  const error = new URL(location, 'http://localhost').searchParams.get('error');
  if (error === null) return { got: 'ok' };
  return { got: /not found/i.test(error) ? 404 : /permission/i.test(error) ? 403 : 409, error };
}

async function attemptResponse(response: Response): Promise<Attempt> {
  const location = response.headers.get('location');
  if (response.status === 303 && location?.includes('/pay/return')) return payRedirectOutcome(location);
  const type = response.headers.get('content-type') ?? '';
  const text = type.includes('json') || type.includes('csv') ? await response.text() : undefined;
  if (response.ok) return { got: 'ok', text };
  return { got: response.status, error: text?.slice(0, 200) };
}

/** A page's guards as the browser meets them: 401 to sign-in, 403 to another area or "You don't have access", 404 not found. */
function pageOutcome(error: unknown): Attempt {
  const digest = (error as { digest?: unknown } | null)?.digest;
  if (typeof digest === 'string' && digest.startsWith('NEXT_REDIRECT;')) {
    const location = digest.split(';')[2] ?? '';
    return { got: location.startsWith('/sign-in') ? 401 : 403, error: `redirect to ${location}` };
  }
  if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return { got: 404 };
  if (typeof digest === 'string' && digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;403')) return { got: 403, error: 'no access' };
  throw error;
}

/**
 * Entries four at a time: each passing cell has records of its own, so only waits on shared
 * rows overlap. (Cells that set the process-wide session mock run one by one instead.)
 */
async function eachEntry<T>(entries: readonly T[], run: (entry: T) => Promise<void>) {
  const queue = [...entries];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) await run(entry);
    }),
  );
}

const label = (entry: { call: string; case?: string }) => (entry.case ? `${entry.call} (${entry.case})` : entry.call);

/** Runs one entry for every actor it names (in parallel; fresh records keep them apart). */
async function runEntry(
  entryLabel: string,
  needs: Need | undefined,
  expect: Partial<Expect>,
  attempt: (w: Who, tenant: Tenant) => Promise<Attempt>,
  actors: readonly ActorName[] = actorNames,
) {
  await Promise.all(
    actors.map(async (actor) => {
      const cell = expect[groupOf(actor)];
      if (cell === undefined) return;
      const w = actor === 'staffWithout' ? await staffWithout(needs) : who[actor];
      for (const { on, want } of checksOf(cell)) {
        const records = on === 'own' ? w.own : w.other;
        if (!records) throw new Error(`${entryLabel}: ${actor} has no other tenant for ${cell}`);
        judge(entryLabel, actor, on, want, await attempt(w, want === 'ok' || want === 'allowed' ? records.live : records.reused));
      }
    }),
  );
}

afterAll(() => {
  console.info(`cells checked: ${cellsChecked.count}, leaks ${leaksSeen.length}`);
  for (const leak of knownLeaks) console.info(`known leak: ${leak.call} as ${leak.actor}: ${leak.reason}`);
});

// ---- completeness ---------------------------------------------------------------------------

const httpMethods = /\b(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b/g;
/** Route handlers a route file exports, read from its source so nothing is imported to list it. */
function exportedMethods(key: string): string[] {
  const found = new Set<string>();
  for (const line of source(key)
    .split('\n')
    .filter((l) => l.startsWith('export'))) {
    for (const match of line.matchAll(httpMethods)) found.add(match[1]!);
  }
  return [...found];
}
const routePath = (key: string) => key.replace(/^\/app/, '').replace(/\/route\.ts$/, '');
const pagePath = (key: string) => key.replace(/^\/app/, '').replace(/\/page\.tsx$/, '') || '/';
const missingFrom = (listed: Iterable<string>, existing: Iterable<string>) => {
  const set = new Set(listed);
  return [...existing].filter((name) => !set.has(name)).sort();
};
const stale = (listed: Iterable<string>, existing: Iterable<string>) => missingFrom(existing, listed);

describe('the authorization matrix lists', () => {
  it('every tRPC procedure', () => {
    const procedures = Object.keys(appRouter._def.procedures);
    expect(
      missingFrom(
        trpcMatrix.map((e) => e.call),
        procedures,
      ),
      'procedures to classify in tests/authz/matrix.ts',
    ).toEqual([]);
    expect(
      stale(
        trpcMatrix.map((e) => e.call),
        procedures,
      ),
      'entries naming no procedure',
    ).toEqual([]);
  });

  it('every REST endpoint, in the OpenAPI routes and as app/api/v1 route files', () => {
    const files = Object.keys(routeFiles).filter((key) => key.startsWith('/app/api/v1/'));
    const served = files.flatMap((key) => exportedMethods(key).map((method) => `${method} ${routePath(key).replace(/\[(\w+)\]/g, '{$1}')}`));
    const documented = openApiRoutes.map((spec) => `${spec.method} /api/v1${spec.path}`);
    const listed = restMatrix.map((e) => e.call);
    expect(missingFrom(listed, served), 'route files to classify').toEqual([]);
    expect(missingFrom(listed, documented), 'OpenAPI routes to classify').toEqual([]);
    expect(stale(listed, served), 'entries naming no route file').toEqual([]);
  });

  it('every other route handler', () => {
    const files = Object.keys(routeFiles).filter((key) => !key.startsWith('/app/api/v1/'));
    const served = files.flatMap((key) => exportedMethods(key).map((method) => `${method} ${routePath(key)}`));
    expect(
      missingFrom(
        routeMatrix.map((e) => e.call),
        served,
      ),
      'route handlers to classify',
    ).toEqual([]);
    expect(
      stale(
        routeMatrix.map((e) => e.call),
        served,
      ),
      'entries naming no route handler',
    ).toEqual([]);
  });

  it('every page', () => {
    const pages = Object.keys(pageFiles).map(pagePath);
    expect(
      missingFrom(
        pageMatrix.map((e) => e.page),
        pages,
      ),
      'pages to classify',
    ).toEqual([]);
    expect(
      stale(
        pageMatrix.map((e) => e.page),
        pages,
      ),
      'entries naming no page',
    ).toEqual([]);
  });
});

// ---- cells ----------------------------------------------------------------------------------

// A thousand calls on a shared two-core machine: well under a minute alone, slower beside other suites.
const cellTimeout = 120_000;

describe('every cell holds', () => {
  it(
    'tRPC procedures',
    () =>
      cells(async () => {
        await eachEntry(trpcMatrix, (entry) =>
          runEntry(label(entry), entry.needs, entry.expect, async (w, tenant) => attemptTrpc(w.actor, entry.call, await entry.input?.(tenant))),
        );
      }),
    cellTimeout,
  );

  it(
    'REST endpoints, by API key',
    () =>
      cells(async () => {
        await eachEntry(restMatrix, async (entry) => {
          const [method, template] = entry.call.split(' ') as [string, string];
          const routeModule = await routeFiles[`/app${template.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`]!();
          const handler = routeModule[method] as (request: Request, route: ReturnType<typeof params>) => Promise<Response>;
          const spec = openApiRoutes.find((r) => `${r.method} /api/v1${r.path}` === entry.call);
          await runEntry(label(entry), entry.needs ?? spec?.permission, entry.expect, async (w, tenant) => {
            const id = entry.id ? await entry.id(tenant) : undefined;
            const values: Record<string, string> = { ...entry.params, ...(id ? { id } : {}) };
            const url = `${template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')}${entry.query ?? ''}`;
            const request = apiRequest(url, { method, key: w.key, body: await entry.body?.(tenant) });
            return attemptResponse(await handler(request, params(values)));
          });
        });
      }),
    cellTimeout,
  );

  it(
    'console and portal downloads, by session',
    () =>
      cells(async () => {
        const signedIn = vi.mocked(currentUser);
        for (const entry of routeMatrix) {
          if (!('session' in entry)) continue;
          const [method, template] = entry.call.split(' ') as [string, string];
          const handler = (await routeFiles[`/app${template}/route.ts`]!())[method] as (
            request: Request,
            route: ReturnType<typeof params>,
          ) => Promise<Response>;
          // One actor at a time: the session mock is process-wide.
          for (const actor of actorNames) {
            await runEntry(
              label(entry),
              entry.needs,
              entry.expect,
              async (w, tenant) => {
                signedIn.mockResolvedValue(w.session);
                const id = entry.id ? await entry.id(tenant) : undefined;
                // Pay buttons post a form from this site's own pages.
                const post = method === 'POST' ? { method, body: new URLSearchParams(), headers: { 'sec-fetch-site': 'same-origin' } } : {};
                const response = await handler(new Request(`http://localhost${template.replace('[id]', id ?? '')}`, post), params(id ? { id } : {}));
                return attemptResponse(response);
              },
              [actor],
            );
          }
        }
      }),
    cellTimeout,
  );

  it(
    'console pages, by their layouts’ and pages’ guards',
    () =>
      cells(async () => {
        const signedIn = vi.mocked(currentUser);
        const guard = await import('@/app/_lib/guard');
        for (const entry of pageMatrix) {
          const dir = entry.page === '/' ? '' : entry.page;
          const segments = dir.split('/').filter(Boolean);
          // The root layout only frames the document; every layout below it is part of the guard.
          const layouts = segments.map((_, i) => `/app/${segments.slice(0, i + 1).join('/')}/layout.tsx`).filter((key) => key in layoutFiles);
          const pageSource = source(`/app${dir}/page.tsx`);
          const pageGuards = [...pageSource.matchAll(/\b(requireArea|requirePermissionPage)\('([\w.]+)'\)/g)].map((m) => [m[1]!, m[2]!] as const);
          const expected: Expect =
            entry.expect === 'public'
              ? { anonymous: 'ok', clients: 'ok', resellers: 'ok', staffWithout: 'ok', viewer: 'ok', admin: 'ok', collector: 'ok' }
              : entry.expect;
          for (const actor of actorNames) {
            await runEntry(
              `page ${entry.page}`,
              entry.needs,
              expected,
              async (w) => {
                signedIn.mockResolvedValue(w.session);
                try {
                  for (const key of layouts) {
                    const Layout = (await layoutFiles[key]!()).default as (props: {
                      children: null;
                      params: Promise<Record<string, string>>;
                    }) => Promise<unknown>;
                    await Layout({ children: null, params: Promise.resolve({ id: tenants.A.live.invoiceId }) });
                  }
                  for (const [name, argument] of pageGuards) {
                    if (name === 'requireArea') await guard.requireArea(argument as 'admin' | 'client' | 'reseller');
                    else await guard.requirePermissionPage(argument as Permission);
                  }
                  return { got: 'ok' };
                } catch (error) {
                  return pageOutcome(error);
                }
              },
              [actor],
            );
          }
        }
      }),
    cellTimeout,
  );
});
