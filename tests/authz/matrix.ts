/**
 * Who may call what: every tRPC procedure, REST endpoint, other route handler and console page,
 * with what each actor gets. `matrix.test.ts` checks every cell against the running code and
 * fails on any procedure, route or page missing here, so a new one has to be classified.
 *
 * Actors: `anonymous` (no session, no key); `clientA`/`clientB` (client users of customers A and
 * B); `resellerX`/`resellerY` (A belongs to reseller X, B to reseller Y); `staffWithout` (staff
 * with every permission but the one the entry `needs`, see Need); `viewer` (staff with only the
 * demo seed's viewer@cashdesk.test permissions); `admin`; `collector` (a cash collector with
 * tenant A's customer assigned to it: its own records are A's, the other tenant's B's; it holds
 * no API key, so REST entries have no collector cell). In `expect`, `clients` and `resellers`
 * stand for both of the pair.
 *
 * Cells: 'ok' succeeds; 'allowed' gets past authorization and is then refused on its input or
 * state (400/409), for calls whose real success would need a world this suite does not build;
 * 401, 403, 404 are UNAUTHORIZED, FORBIDDEN, NOT_FOUND (or the HTTP status); 'own:X other:Y' is
 * X on the actor's own tenant's record and Y on the other tenant's. Desk actors (staff, viewer,
 * admin) act on tenant A's records. A page's 401 is the redirect to sign-in, 403 a redirect to
 * the actor's own area or, signed in to the area without the permission, the "You don't have
 * access" page; 404 the not-found page.
 */
import type { Permission } from '@/server/auth/permissions';
import { defaultCommunicationRules } from '@/server/schemas/communication';

export type ActorName = 'anonymous' | 'clientA' | 'clientB' | 'resellerX' | 'resellerY' | 'staffWithout' | 'viewer' | 'admin' | 'collector';
export const actorNames: readonly ActorName[] = ['anonymous', 'clientA', 'clientB', 'resellerX', 'resellerY', 'staffWithout', 'viewer', 'admin', 'collector'];

/** The demo seed's read-only staff member (scripts/seed/demo.ts, viewer@cashdesk.test). */
export const viewerPermissions: Permission[] = ['customers.view', 'invoices.view', 'orders.view', 'catalog.view'];

type Plain = 'ok' | 'allowed' | 400 | 401 | 403 | 404;
export type Cell = Plain | `own:${'ok' | 'allowed'} other:${400 | 404}`;
export type Expect = { anonymous: Cell; clients: Cell; resellers: Cell; staffWithout: Cell; viewer: Cell; admin: Cell; collector: Cell };
/** REST has no client or collector keys: a key names a role, and a client or a collector is only ever a person. */
export type RestExpect = Omit<Expect, 'clients' | 'collector'>;

/** Records of one tenant (A: clientA's under reseller X; B: clientB's under reseller Y) and makers of new ones. */
export interface Tenant {
  customerId: string;
  invoiceId: string;
  orderId: string;
  productId: string;
  /** The reseller of the other tenant: naming it in a filter or a field must not open its book. */
  rivalResellerId: string;
  /** The tenant's own reseller (X for A, Y for B). */
  resellerId: string;
  unique(): string;
  /** A new key for a console money action (each dialog makes one). */
  idempotencyKey(): string;
  fresh: {
    /** A cash collection (a `collector` payment) on the tenant's customer, for its receipt. */
    collectorPayment(): Promise<string>;
    /** A new cash collector, to assign a customer to. */
    collector(): Promise<string>;
    draftInvoice(): Promise<string>;
    pendingInvoice(): Promise<string>;
    paidInvoice(): Promise<string>;
    /** Another customer of the tenant's reseller with two open invoices (consolidation, quick pay). */
    customerWithOpenInvoices(): Promise<string>;
    order(): Promise<{ id: string; lineId: string; serviceId: string }>;
    customerNote(): Promise<string>;
    /** A saved view of the admin's (someone else's for every other actor). */
    adminSavedView(): Promise<string>;
    /** A contact of the tenant's customer, to remove. */
    customerContact(): Promise<string>;
    /** A prepaid card batch of one unused card, and such a card (the desk's, not a tenant's). */
    voucherBatch(): Promise<string>;
    webhookEndpoint(): Promise<string>;
    voucher(): Promise<string>;
    staffUser(): Promise<string>;
    apiKey(): Promise<string>;
    outboxMessage(): Promise<string>;
  };
}

/**
 * What the entry needs beyond a session: a permission (`staffWithout` then holds every other
 * one), or 'admin' (the role itself: `staffWithout` holds every permission). REST entries take
 * it from their OpenAPI spec.
 */
export type Need = Permission | 'admin';

export type TrpcEntry = { call: string; case?: string; needs?: Need; input?: (t: Tenant) => unknown; expect: Expect };
export type RestEntry = {
  call: string;
  case?: string;
  /** The `{id}` of the path. */
  id?: (t: Tenant) => string | Promise<string>;
  /** When the spec names no permission (the service decides by the record): the one this case needs. */
  needs?: Need;
  /** Any other path parameter (e.g. `{label}`). */
  params?: Record<string, string>;
  body?: (t: Tenant) => unknown; // may be a promise (a fresh record to act on)
  query?: string;
  expect: RestExpect;
};
/** Route handlers outside /api/v1: checked with a session (`session`), or only classified ('public …'). */
export type RouteEntry =
  | { call: string; case?: string; session: true; needs?: Need; id?: (t: Tenant) => string | Promise<string>; expect: Expect }
  | {
      call: string;
      public: 'public' | 'public (signature)' | 'public (inngest signature)' | 'public (token or session)' | 'public (procedures decide)';
      why: string;
    };
export type PageEntry = { page: string; needs?: Need; expect: Expect | 'public' };

const everyone: Expect = { anonymous: 'ok', clients: 'ok', resellers: 'ok', staffWithout: 'ok', viewer: 'ok', admin: 'ok', collector: 'ok' };
const signedIn: Expect = { ...everyone, anonymous: 401 };
/** Anyone signed in gets past authorization, and the input or state then refuses it. */
const signedInAllowed: Expect = {
  anonymous: 401,
  clients: 'allowed',
  resellers: 'allowed',
  staffWithout: 'allowed',
  viewer: 'allowed',
  admin: 'allowed',
  collector: 'allowed',
};
// A cash collector holds payments.collect alone: every desk entry refuses it (403), as it refuses a client.
const adminOnly: Expect = { anonymous: 401, clients: 403, resellers: 403, staffWithout: 403, viewer: 403, admin: 'ok', collector: 403 };
const adminAllowed: Expect = { ...adminOnly, admin: 'allowed' };
const own = 'own:ok other:404' as const;
/** Desk reads a client may not make (customers.*): resellers on their book, the viewer too. */
const deskRead: Expect = { anonymous: 401, clients: 403, resellers: own, staffWithout: 403, viewer: 'ok', admin: 'ok', collector: 403 };
/** Reads a client makes of its own records too (invoices.view, orders.view in its scope). */
const ownRead: Expect = { anonymous: 401, clients: own, resellers: own, staffWithout: 403, viewer: 'ok', admin: 'ok', collector: 403 };
/** Edits within the book (customers.edit, invoices.edit/create): resellers yes, the viewer no. */
const bookEdit: Expect = { anonymous: 401, clients: 403, resellers: own, staffWithout: 403, viewer: 403, admin: 'ok', collector: 403 };
/** orders.edit, payments.refund, catalog.manage, billing.run: not a reseller's. */
const deskEdit: Expect = adminOnly;
/** Lists: each sees its own book (the test also checks no other tenant's id is in the answer). */
const ownList: Expect = { anonymous: 401, clients: 'ok', resellers: 'ok', staffWithout: 403, viewer: 'ok', admin: 'ok', collector: 403 };
const deskList: Expect = { ...ownList, clients: 403 };
/** A download of the invoices chosen on a list: everyone who may read invoices gets past authorization. */
const zipOfChosen: Expect = {
  anonymous: 401,
  clients: 'allowed',
  resellers: 'allowed',
  staffWithout: 403,
  viewer: 'allowed',
  admin: 'allowed',
  collector: 403,
};
/** The console's people (admin and staff roles), whatever their permissions. */
const consoleOnly: Expect = { anonymous: 401, clients: 403, resellers: 403, staffWithout: 'ok', viewer: 'ok', admin: 'ok', collector: 403 };
/** A client's own portal account: everyone else has none (404). */
const clientOwn: Expect = { anonymous: 401, clients: 'ok', resellers: 404, staffWithout: 404, viewer: 404, admin: 404, collector: 404 };
/** The portal's self-service on a client's own service: clients alone, anyone else is refused by role. */
const clientService = (clients: Cell): Expect => ({ anonymous: 401, clients, resellers: 403, staffWithout: 403, viewer: 403, admin: 403, collector: 403 });

/** The money ledger: a reseller reads its own book, the desk needs reports.view (the viewer lacks it). */
const ledgerRead: Expect = { anonymous: 401, clients: 403, resellers: 'ok', staffWithout: 403, viewer: 403, admin: 'ok', collector: 403 };

const item = { description: 'Authz check', quantity: 1, unit_price: 100, tax_rate: 0 };

/** payments.collect: the admin, and a collector on its own customers (`own` for the other tenant's). */
const collecting = (collector: Cell): Expect => ({ ...adminOnly, collector });

export const trpcMatrix: TrpcEntry[] = [
  { call: 'me', expect: signedIn },
  { call: 'dashboard', needs: 'invoices.view', expect: ownList },
  // The KPI tiles: each its own book's figures (a client its own), no record ids in them.
  { call: 'dashboardKpis', needs: 'invoices.view', input: () => ({}), expect: ownList },

  { call: 'account.twoFactor', expect: signedIn },
  { call: 'account.gate', expect: consoleOnly },
  // Any person signed in renames themselves (the reseller console's profile).
  { call: 'account.changeName', input: () => ({ name: 'Authz Name' }), expect: signedIn },
  // Users here have no real password hash: a wrong current password is what gets past authz.
  { call: 'account.changePassword', input: () => ({ current_password: 'not-it', new_password: 'a-new-password-1' }), expect: signedInAllowed },
  { call: 'account.startTwoFactor', expect: consoleOnly },
  // Confirming or turning off needs a secret only startTwoFactor (console roles) makes: the rest get 409.
  { call: 'account.confirmTwoFactor', input: () => ({ code: '000000' }), expect: signedInAllowed },
  { call: 'account.disableTwoFactor', input: () => ({ password: 'not-it' }), expect: signedInAllowed },
  { call: 'account.security', needs: 'admin', expect: adminOnly },
  { call: 'account.updateSecurity', needs: 'admin', input: () => ({ require_two_factor: false }), expect: adminOnly },

  { call: 'customers.list', needs: 'customers.view', input: () => ({}), expect: deskList },
  { call: 'customers.byId', needs: 'customers.view', input: (t) => ({ id: t.customerId }), expect: ownRead },
  { call: 'customers.mine', expect: clientOwn },
  // The collector picker of the customer page: the desk reading customers (the viewer too); a reseller assigns none.
  { call: 'customers.collectors', needs: 'customers.view', expect: { ...deskRead, resellers: 403 } },
  { call: 'customers.wallet', needs: 'customers.view', input: (t) => ({ id: t.customerId }), expect: ownRead },
  { call: 'customers.history', needs: 'customers.view', input: (t) => ({ id: t.customerId }), expect: deskRead },
  { call: 'customers.account', needs: 'customers.view', input: (t) => ({ id: t.customerId }), expect: deskRead },
  {
    call: 'customers.quickPay',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), customerId: await t.fresh.customerWithOpenInvoices(), currency: 'USD', method: 'cash' }),
    expect: bookEdit,
  },
  {
    call: 'customers.create',
    needs: 'customers.create',
    input: (t) => ({ name: 'Authz Co', email: `authz-${t.unique()}@example.test` }),
    expect: { ...bookEdit, resellers: 'ok' },
  },
  {
    call: 'customers.create',
    case: 'naming the rival reseller',
    needs: 'customers.create',
    input: (t) => ({ name: 'Authz Co', email: `authz-${t.unique()}@example.test`, reseller_id: t.rivalResellerId }),
    expect: { ...bookEdit, resellers: 404 },
  },
  { call: 'customers.update', needs: 'customers.edit', input: (t) => ({ id: t.customerId, phone: '+15550100' }), expect: bookEdit },
  // Contacts are managed from the consoles: a client is refused even for its own customer.
  { call: 'customers.contacts', needs: 'customers.view', input: (t) => ({ id: t.customerId }), expect: deskRead },
  {
    call: 'customers.addContact',
    needs: 'customers.edit',
    input: (t) => ({ customer_id: t.customerId, name: 'Authz Desk', email: `contact-${t.unique()}@example.test` }),
    expect: bookEdit,
  },
  { call: 'customers.removeContact', needs: 'customers.edit', input: async (t) => ({ id: await t.fresh.customerContact() }), expect: bookEdit },
  {
    call: 'customers.adjustCredit',
    case: 'debit',
    needs: 'customers.edit',
    input: (t) => ({ idempotencyKey: t.idempotencyKey(), customerId: t.customerId, amount: -1, reason: 'authz' }),
    expect: bookEdit,
  },
  // A positive adjustment creates spendable value: credit.grant, which no reseller holds.
  {
    call: 'customers.adjustCredit',
    case: 'grant',
    needs: 'credit.grant',
    input: (t) => ({ idempotencyKey: t.idempotencyKey(), customerId: t.customerId, amount: 1, reason: 'authz' }),
    expect: deskEdit,
  },

  { call: 'invoices.list', needs: 'invoices.view', input: () => ({}), expect: ownList },
  // The list's status chips: counts under the same scope as the list.
  { call: 'invoices.statusCounts', needs: 'invoices.view', input: () => ({}), expect: ownList },
  {
    call: 'invoices.list',
    case: 'filtered by the rival reseller',
    needs: 'invoices.view',
    input: (t) => ({ reseller_id: t.rivalResellerId }),
    expect: ownList,
  },
  { call: 'invoices.byId', needs: 'invoices.view', input: (t) => ({ id: t.invoiceId }), expect: ownRead },
  // The ledger: the desk with reports.view, a reseller its own book (every tenant has credit rows in it).
  { call: 'transactions.list', needs: 'reports.view', input: () => ({}), expect: ledgerRead },
  {
    call: 'transactions.list',
    case: 'filtered by the rival reseller',
    needs: 'reports.view',
    input: (t) => ({ reseller_id: t.rivalResellerId }),
    expect: ledgerRead,
  },
  // Commissions: the desk reads every row with reports.view, a reseller its own rows; paying is settings-level.
  { call: 'commissions.report', needs: 'reports.view', input: () => ({ from: '2000-01-01', to: '2099-12-31' }), expect: ledgerRead },
  // The desk's reports: reports.view, never a reseller's (nor a client's). USD named, since the
  // suite's world may hold more than one currency.
  { call: 'reports.revenue', needs: 'reports.view', input: () => ({ from: '2026-01-01', to: '2027-12-31', currency: 'USD' }), expect: adminOnly },
  { call: 'reports.aging', needs: 'reports.view', input: () => ({ currency: 'USD' }), expect: adminOnly },
  { call: 'reports.mrr', needs: 'reports.view', input: () => ({ from: '2026-01-01', to: '2027-12-31', currency: 'USD' }), expect: adminOnly },
  { call: 'reports.tax', needs: 'reports.view', input: () => ({ from: '2026-01-01', to: '2027-12-31', currency: 'USD' }), expect: adminOnly },
  { call: 'reports.resellers', needs: 'reports.view', input: () => ({ from: '2026-01-01', to: '2027-12-31', currency: 'USD' }), expect: adminOnly },
  // No commission is outstanding in the year 2000: the admin gets past authorization to the 409.
  {
    call: 'commissions.markPaid',
    needs: 'settings.manage',
    input: (t) => ({ idempotencyKey: t.idempotencyKey(), id: t.rivalResellerId, from: '2000-01-01', to: '2000-01-31', currency: 'USD' }),
    expect: { ...adminOnly, admin: 'allowed' },
  },
  { call: 'invoices.history', needs: 'invoices.view', input: (t) => ({ id: t.invoiceId }), expect: ownRead },
  // A draft is the desk's until it is issued: its own client does not see it either.
  {
    call: 'invoices.byId',
    case: 'draft',
    needs: 'invoices.view',
    input: async (t) => ({ id: await t.fresh.draftInvoice() }),
    expect: { ...ownRead, clients: 404 },
  },
  {
    call: 'invoices.history',
    case: 'draft',
    needs: 'invoices.view',
    input: async (t) => ({ id: await t.fresh.draftInvoice() }),
    expect: { ...ownRead, clients: 404 },
  },
  // Another tenant's customer is a field error, "unknown customer", exactly as a made-up id is.
  {
    call: 'invoices.create',
    needs: 'invoices.create',
    input: (t) => ({ customer_id: t.customerId, status: 'draft', items: [item] }),
    expect: { ...bookEdit, resellers: 'own:ok other:400' },
  },
  { call: 'invoices.update', needs: 'invoices.edit', input: async (t) => ({ id: await t.fresh.draftInvoice(), notes: 'authz' }), expect: bookEdit },
  { call: 'invoices.finalize', needs: 'invoices.edit', input: async (t) => ({ id: await t.fresh.draftInvoice() }), expect: bookEdit },
  { call: 'invoices.finalizeAndSend', needs: 'invoices.edit', input: async (t) => ({ id: await t.fresh.draftInvoice() }), expect: bookEdit },
  { call: 'invoices.duplicate', needs: 'invoices.create', input: async (t) => ({ id: await t.fresh.pendingInvoice() }), expect: bookEdit },
  {
    call: 'invoices.recordPayment',
    needs: 'invoices.edit',
    input: (t) => ({ idempotencyKey: t.idempotencyKey(), id: t.invoiceId, amount: 1, method: 'cash' }),
    expect: bookEdit,
  },
  {
    call: 'invoices.markPaid',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), id: await t.fresh.pendingInvoice() }),
    expect: bookEdit,
  },
  {
    call: 'invoices.applyCredit',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), id: await t.fresh.pendingInvoice() }),
    expect: bookEdit,
  },
  { call: 'invoices.cancel', needs: 'invoices.edit', input: async (t) => ({ id: await t.fresh.pendingInvoice() }), expect: bookEdit },
  // The matrix's resellers hold the default flags, which leave out invoices.delete.
  { call: 'invoices.delete', needs: 'invoices.delete', input: async (t) => ({ id: await t.fresh.draftInvoice() }), expect: { ...bookEdit, resellers: 403 } },
  {
    call: 'invoices.refund',
    needs: 'payments.refund',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), id: await t.fresh.paidInvoice() }),
    expect: deskEdit,
  },
  {
    call: 'invoices.correct',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), id: await t.fresh.paidInvoice(), kind: 'credit_note', items: [item], reason: 'authz' }),
    expect: bookEdit,
  },
  { call: 'invoices.send', needs: 'invoices.edit', input: (t) => ({ id: t.invoiceId, channel: 'email' }), expect: bookEdit },
  // What Change status offers: [] to those who may read the invoice but not edit it.
  { call: 'invoiceDesk.statusTargets', needs: 'invoices.view', input: (t) => ({ id: t.invoiceId }), expect: ownRead },
  {
    call: 'invoiceDesk.changeStatus',
    needs: 'invoices.edit',
    input: async (t) => ({ id: await t.fresh.pendingInvoice(), status: 'overdue', reason: 'authz' }),
    expect: bookEdit,
  },
  {
    call: 'invoiceDesk.sendReminder',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), id: await t.fresh.pendingInvoice(), template: 'friendly' }),
    expect: bookEdit,
  },
  // A bulk action answers 200 to a reseller: another book's ids fail inside the answer as not
  // found (tests/invoices/bulk.test.ts), so the cell checks the reseller's own invoices only.
  {
    call: 'invoices.bulkMarkPaid',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), ids: [await t.fresh.pendingInvoice()] }),
    expect: { ...bookEdit, resellers: 'ok' },
  },
  {
    call: 'invoices.bulkSend',
    needs: 'invoices.edit',
    input: (t) => ({ idempotencyKey: t.idempotencyKey(), ids: [t.invoiceId], channel: 'email' }),
    expect: { ...bookEdit, resellers: 'ok' },
  },
  {
    call: 'invoices.bulkSendReminder',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), ids: [await t.fresh.pendingInvoice()] }),
    expect: { ...bookEdit, resellers: 'ok' },
  },
  { call: 'invoices.consolidate', needs: 'invoices.create', input: async (t) => ({ customerId: await t.fresh.customerWithOpenInvoices() }), expect: bookEdit },
  { call: 'invoices.regenerateToken', needs: 'invoices.edit', input: async (t) => ({ id: await t.fresh.pendingInvoice() }), expect: bookEdit },

  { call: 'orders.list', needs: 'orders.view', input: () => ({}), expect: ownList },
  // The list's status chips: counts under the same scope as the list.
  { call: 'orders.statusCounts', needs: 'orders.view', input: () => ({}), expect: ownList },
  // The Payments and Services lists: the desk, a reseller its book (payments with its invoices.view
  // flag); a client none, its portal shows its own.
  { call: 'payments.list', needs: 'invoices.view', input: () => ({}), expect: deskList },
  { call: 'payments.typeCounts', needs: 'invoices.view', input: () => ({}), expect: deskList },
  {
    call: 'payments.list',
    case: 'filtered by the rival reseller',
    needs: 'invoices.view',
    input: (t) => ({ reseller_id: t.rivalResellerId }),
    expect: deskList,
  },
  { call: 'services.list', needs: 'orders.view', input: () => ({}), expect: deskList },
  { call: 'services.statusCounts', needs: 'orders.view', input: () => ({}), expect: deskList },
  { call: 'services.list', case: 'filtered by the rival reseller', needs: 'orders.view', input: (t) => ({ reseller_id: t.rivalResellerId }), expect: deskList },
  { call: 'orders.byId', needs: 'orders.view', input: (t) => ({ id: t.orderId }), expect: ownRead },
  { call: 'orders.history', needs: 'orders.view', input: (t) => ({ id: t.orderId }), expect: ownRead },
  { call: 'orders.nextInvoice', needs: 'orders.view', input: (t) => ({ id: t.orderId }), expect: ownRead },
  // Another tenant's customer is "not a customer you can sell to" (400), as a made-up id is.
  {
    call: 'orders.place',
    needs: 'orders.create',
    input: (t) => ({ customer_id: t.customerId, items: [{ product_id: t.productId, cycle: 'monthly' }] }),
    expect: { ...bookEdit, clients: 'own:ok other:400', resellers: 'own:ok other:400' },
  },
  { call: 'orders.approve', needs: 'orders.edit', input: async (t) => ({ id: (await t.fresh.order()).id }), expect: deskEdit },
  // Create invoice / Create proforma on the order page: a draft in the order's customer's book.
  { call: 'orders.createDocument', needs: 'invoices.create', input: async (t) => ({ id: (await t.fresh.order()).id, kind: 'proforma' }), expect: bookEdit },
  // Contract orders (orders.edit, a desk's write like the rest): on the tenant's store order the
  // admin reaches the state check (409: not a draft contract), which is the point here.
  { call: 'orders.update', needs: 'orders.edit', input: (t) => ({ id: t.orderId, name: 'authz' }), expect: { ...deskEdit, admin: 'allowed' } },
  { call: 'orders.activate', needs: 'orders.edit', input: (t) => ({ id: t.orderId }), expect: { ...deskEdit, admin: 'allowed' } },
  { call: 'orders.deactivate', needs: 'orders.edit', input: (t) => ({ id: t.orderId }), expect: { ...deskEdit, admin: 'allowed' } },
  { call: 'orders.changeStatus', needs: 'orders.edit', input: async (t) => ({ id: (await t.fresh.order()).id, status: 'cancelled' }), expect: deskEdit },
  { call: 'orders.paymentMethodChoices', needs: 'orders.edit', expect: deskEdit },
  { call: 'orders.changePaymentMethod', needs: 'orders.edit', input: (t) => ({ id: t.orderId, payment_method: 'bank_transfer' }), expect: deskEdit },
  // Change customer: the choices, and a move to the order's own customer (refused on its input, 400).
  { call: 'orders.customerChoices', needs: 'orders.edit', input: (t) => ({ id: t.orderId }), expect: deskEdit },
  { call: 'orders.changeCustomer', needs: 'orders.edit', input: (t) => ({ id: t.orderId, customer_id: t.customerId }), expect: adminAllowed },
  { call: 'orders.addLabel', needs: 'orders.edit', input: (t) => ({ id: t.orderId, label: 'authz' }), expect: deskEdit },
  { call: 'orders.removeLabel', needs: 'orders.edit', input: (t) => ({ id: t.orderId, label: 'authz' }), expect: deskEdit },
  {
    call: 'orders.editPrice',
    needs: 'orders.edit',
    input: async (t) => {
      const o = await t.fresh.order();
      return { id: o.id, line_id: o.lineId, unit_price: 900, reason: 'authz' };
    },
    expect: deskEdit,
  },
  // Only a service waiting on manual provisioning can be marked; reaching that check is the point.
  {
    call: 'orders.markServiceProvisioned',
    needs: 'orders.edit',
    input: async (t) => ({ id: (await t.fresh.order()).serviceId }),
    expect: { ...deskEdit, admin: 'allowed' },
  },
  {
    call: 'orders.changePlan',
    needs: 'orders.edit',
    input: async (t) => ({
      serviceId: (await t.fresh.order()).serviceId,
      product_id: t.productId,
      cycle: 'annual',
      preview: true,
      idempotencyKey: t.idempotencyKey(),
    }),
    // A reseller changes plans in its book with invoices.edit (changePlanPermission).
    expect: { ...deskEdit, admin: 'allowed', resellers: 'own:allowed other:404' },
  },
  // What the desk's change-plan form offers: decided as changePlan.
  {
    call: 'orders.planChoices',
    needs: 'orders.edit',
    input: async (t) => ({ serviceId: (await t.fresh.order()).serviceId }),
    expect: { ...deskEdit, resellers: own },
  },
  // As changePlan: a reseller changes seats in its book with invoices.edit. The fresh order's
  // service is not active yet, so past authorization it is a 409.
  {
    call: 'orders.changeSeats',
    needs: 'orders.edit',
    input: async (t) => ({ serviceId: (await t.fresh.order()).serviceId, quantity: 3, preview: false, idempotencyKey: t.idempotencyKey() }),
    expect: { ...deskEdit, admin: 'allowed', resellers: 'own:allowed other:404' },
  },
  { call: 'orders.runBilling', needs: 'billing.run', input: () => ({}), expect: deskEdit },

  { call: 'catalog.products', needs: 'catalog.view', input: () => ({}), expect: deskList },
  { call: 'catalog.product', needs: 'catalog.view', input: (t) => ({ id: t.productId }), expect: deskList },
  {
    call: 'catalog.createProduct',
    needs: 'catalog.manage',
    input: (t) => ({ name: `Authz ${t.unique()}`, type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 500 }] }),
    expect: deskEdit,
  },
  {
    call: 'catalog.updateProduct',
    needs: 'catalog.manage',
    input: (t) => ({
      id: t.productId,
      name: 'Authz plan',
      type: 'recurring',
      prices: [
        { cycle: 'monthly', currency: 'USD', amount: 1000 },
        { cycle: 'annual', currency: 'USD', amount: 10000 },
        { cycle: 'monthly', currency: 'EUR', amount: 1000 },
      ],
    }),
    expect: deskEdit,
  },
  { call: 'catalog.coupons', needs: 'catalog.view', expect: deskList },
  {
    call: 'catalog.createCoupon',
    needs: 'catalog.manage',
    input: (t) => ({ code: `AUTHZ${t.unique()}`, type: 'percent', value: 10, duration: 'once' }),
    expect: deskEdit,
  },

  { call: 'settings.display', expect: everyone },
  { call: 'settings.locale', expect: everyone },
  { call: 'settings.billing', needs: 'admin', expect: adminOnly },
  { call: 'settings.nextInvoiceSequence', needs: 'admin', expect: adminOnly },
  { call: 'settings.updateBilling', needs: 'admin', input: () => ({}), expect: adminOnly },
  { call: 'settings.company', needs: 'admin', expect: adminOnly },
  { call: 'settings.updateCompany', needs: 'admin', input: () => ({ name: 'Cashdesk Ltd', logo: null }), expect: adminOnly },
  { call: 'settings.payments', needs: 'admin', expect: adminOnly },
  // A real gateway configuration is verified elsewhere; an incomplete one is refused after authz.
  { call: 'settings.updatePayments', needs: 'admin', input: () => ({}), expect: adminAllowed },
  { call: 'settings.apiKeys', needs: 'admin', expect: adminOnly },
  { call: 'settings.createApiKey', needs: 'admin', input: () => ({ name: 'authz', role: 'staff' }), expect: adminOnly },
  { call: 'settings.revokeApiKey', needs: 'admin', input: async (t) => ({ id: await t.fresh.apiKey() }), expect: adminOnly },

  // Resellers are settings-level (settings.manage), as on REST.
  // From its console a reseller lists and manages its own sub-resellers (none here); any other reseller is not found.
  { call: 'resellers.list', needs: 'settings.manage', input: () => ({ limit: 10 }), expect: { ...adminOnly, resellers: 'ok' } },
  // Their names for the desk's pickers: anyone at the desk reading customers, invoices or the ledger (staffWithout holds nothing here).
  { call: 'resellers.options', expect: { ...consoleOnly, staffWithout: 403 } },
  // A reseller reads its own profile (what it may hand down to sub-resellers); nobody else has one.
  { call: 'resellers.me', expect: { anonymous: 401, clients: 403, resellers: 'ok', staffWithout: 403, viewer: 403, admin: 403, collector: 403 } },
  { call: 'resellers.get', needs: 'settings.manage', input: (t) => ({ id: t.rivalResellerId }), expect: { ...adminOnly, resellers: 404 } },
  { call: 'resellers.customers', needs: 'settings.manage', input: (t) => ({ id: t.rivalResellerId, limit: 10 }), expect: { ...adminOnly, resellers: 404 } },
  // A reseller manages its own keys from its console; another reseller's are not found.
  { call: 'resellers.apiKeys', needs: 'settings.manage', input: (t) => ({ id: t.rivalResellerId }), expect: { ...adminOnly, resellers: 404 } },
  { call: 'resellers.apiKeys', case: 'its own', needs: 'settings.manage', input: (t) => ({ id: t.resellerId }), expect: { ...adminOnly, resellers: 'ok' } },
  {
    call: 'resellers.create',
    needs: 'settings.manage',
    input: (t) => ({ name: 'Authz', email: `reseller-${t.unique()}@example.test`, password: 'a-long-password', commission_percent: '5' }),
    expect: adminOnly,
  },
  {
    call: 'resellers.update',
    needs: 'settings.manage',
    input: (t) => ({ id: t.rivalResellerId, see_parent_customers: false }),
    expect: { ...adminOnly, resellers: 404 },
  },
  {
    call: 'resellers.issueApiKey',
    needs: 'settings.manage',
    input: (t) => ({ id: t.rivalResellerId, name: 'authz' }),
    expect: { ...adminOnly, resellers: 404 },
  },
  {
    call: 'resellers.issueApiKey',
    case: 'its own',
    needs: 'settings.manage',
    input: (t) => ({ id: t.resellerId, name: 'authz' }),
    expect: { ...adminOnly, resellers: 'ok' },
  },
  // A key that does not act for that reseller is not found under it.
  {
    call: 'resellers.revokeApiKey',
    needs: 'settings.manage',
    input: async (t) => ({ id: t.rivalResellerId, key_id: await t.fresh.apiKey() }),
    expect: { ...adminOnly, resellers: 404, admin: 404 },
  },

  { call: 'people.staff', needs: 'admin', expect: adminOnly },
  {
    call: 'people.createStaff',
    needs: 'admin',
    input: (t) => ({ name: 'Authz', email: `staff-${t.unique()}@example.test`, password: 'a-long-password', permissions: [] }),
    expect: adminOnly,
  },
  { call: 'people.setPermissions', needs: 'admin', input: async (t) => ({ id: await t.fresh.staffUser(), permissions: ['invoices.view'] }), expect: adminOnly },
  { call: 'people.setDisabled', needs: 'admin', input: async (t) => ({ id: await t.fresh.staffUser(), disabled: true }), expect: adminOnly },
  { call: 'people.audit', needs: 'admin', input: () => ({}), expect: adminOnly },

  // The console's notes: clients have none; resellers their own on their book (a note the desk
  // wrote is not found for them); staff need the subject's view/edit permission.
  {
    call: 'notes.list',
    needs: 'customers.view',
    input: (t) => ({ scope: 'customer', id: t.customerId }),
    expect: { ...consoleOnly, staffWithout: 403, resellers: own },
  },
  {
    call: 'notes.add',
    needs: 'customers.edit',
    input: (t) => ({ scope: 'customer', id: t.customerId, body: 'authz' }),
    expect: { ...consoleOnly, staffWithout: 403, viewer: 403, resellers: own },
  },
  {
    call: 'notes.edit',
    needs: 'customers.edit',
    input: async (t) => ({ noteId: await t.fresh.customerNote(), body: 'authz edited' }),
    expect: { ...consoleOnly, staffWithout: 403, viewer: 403, resellers: 404 },
  },
  {
    call: 'notes.delete',
    needs: 'customers.edit',
    input: async (t) => ({ noteId: await t.fresh.customerNote() }),
    expect: { ...consoleOnly, staffWithout: 403, viewer: 403, resellers: 404 },
  },

  // The ⌘K palette: the desk and resellers; "Tenant" names both tenants' customers, so a reseller's
  // answer shows it finds its own book only. Each kind needs its list's permission, else it is empty.
  { call: 'search.find', input: () => ({ q: 'Tenant' }), expect: { ...consoleOnly, resellers: 'ok' } },

  // Saved views: each person's own, whatever the role (clients have no console lists). The view
  // renamed or deleted is the admin's: anyone else is told it does not exist.
  { call: 'savedViews.list', input: () => ({ list: 'invoices' }), expect: { ...consoleOnly, resellers: 'ok' } },
  {
    call: 'savedViews.create',
    input: (t) => ({ list: 'invoices', name: `Authz ${t.unique()}`, query: { status: 'overdue' } }),
    expect: { ...consoleOnly, resellers: 'ok' },
  },
  {
    call: 'savedViews.rename',
    input: async (t) => ({ id: await t.fresh.adminSavedView(), name: `Renamed ${t.unique()}` }),
    expect: { anonymous: 401, clients: 403, resellers: 404, staffWithout: 404, viewer: 404, admin: 'ok', collector: 403 },
  },
  {
    call: 'savedViews.delete',
    input: async (t) => ({ id: await t.fresh.adminSavedView() }),
    expect: { anonymous: 401, clients: 403, resellers: 404, staffWithout: 404, viewer: 404, admin: 'ok', collector: 403 },
  },

  { call: 'notify.channels', needs: 'invoices.view', expect: ownList },
  { call: 'notify.communication', needs: 'admin', expect: adminOnly },
  { call: 'notify.updateCommunication', needs: 'admin', input: () => ({}), expect: adminAllowed },
  { call: 'notify.communicationRules', needs: 'admin', expect: adminOnly },
  { call: 'notify.updateCommunicationRules', needs: 'admin', input: () => defaultCommunicationRules, expect: adminOnly },
  { call: 'notify.templates', needs: 'admin', input: () => ({ locale: 'de' }), expect: adminOnly },
  {
    call: 'notify.saveTemplate',
    needs: 'admin',
    input: () => ({ template: 'invoice_created', locale: 'de', subject: 'Rechnung {number}', intro: 'Hier ist Ihre Rechnung.' }),
    expect: adminOnly,
  },
  {
    call: 'notify.preview',
    needs: 'admin',
    input: () => ({ template: 'invoice_created', locale: 'de', subject: 'Rechnung {number}', intro: 'Hier ist Ihre Rechnung.' }),
    expect: adminOnly,
  },
  { call: 'notify.outbox', needs: 'admin', input: () => ({}), expect: adminOnly },
  { call: 'notify.outboxMessage', needs: 'admin', input: async (t) => ({ id: await t.fresh.outboxMessage() }), expect: adminOnly },

  { call: 'automation.status', needs: 'admin', expect: adminOnly },
  { call: 'automation.updateSettings', needs: 'admin', input: () => ({ time_zone: 'UTC' }), expect: adminOnly },
  { call: 'automation.run', needs: 'admin', input: () => ({ workflow: 'dunning' }), expect: adminOnly },
  { call: 'automation.job', needs: 'admin', input: () => ({ eventId: 'authz-unknown' }), expect: adminOnly },
  { call: 'automation.jobs', needs: 'admin', input: () => ({}), expect: adminOnly },
  // No such job: the admin reaches the lookup and finds nothing.
  { call: 'automation.retry', needs: 'admin', input: () => ({ id: '00000000-0000-4000-8000-000000000000' }), expect: { ...adminOnly, admin: 404 } },

  { call: 'store.quote', input: (t) => ({ items: [{ product_id: t.productId, cycle: 'monthly' }] }), expect: everyone },

  { call: 'portal.account', expect: clientOwn },
  // The portal's reading of an invoice strips the desk's notes; a reseller reads it in its book.
  { call: 'portal.invoice', needs: 'invoices.view', input: (t) => ({ id: t.invoiceId }), expect: ownRead },
  {
    call: 'portal.invoice',
    case: 'draft',
    needs: 'invoices.view',
    input: async (t) => ({ id: await t.fresh.draftInvoice() }),
    expect: { ...ownRead, clients: 404 },
  },
  // A client's own service (docs/services.md): clients only (the desk has orders.*), another
  // customer's is not found. The fresh service is not active yet, so a change or a cancellation
  // is refused past authorization (409).
  { call: 'portal.service', input: async (t) => ({ serviceId: (await t.fresh.order()).serviceId }), expect: clientService(own) },
  { call: 'portal.planChoices', input: async (t) => ({ serviceId: (await t.fresh.order()).serviceId }), expect: clientService(own) },
  {
    call: 'portal.changePlan',
    input: async (t) => ({
      service_id: (await t.fresh.order()).serviceId,
      product_id: t.productId,
      cycle: 'monthly',
      preview: true,
      idempotencyKey: t.idempotencyKey(),
    }),
    expect: clientService('own:allowed other:404'),
  },
  {
    call: 'portal.cancelService',
    input: async (t) => ({ service_id: (await t.fresh.order()).serviceId, preview: true }),
    expect: clientService('own:allowed other:404'),
  },
  { call: 'portal.updateProfile', input: () => ({ name: 'Client Renamed', company: '', phone: '', tax_id: '', billing_address: null }), expect: clientOwn },
  { call: 'portal.setLocale', input: () => ({ locale: 'de' }), expect: clientService('ok') },

  // The Collect page (docs/collectors.md): payments.collect, a collector's only permission, within
  // the customers assigned to it (the other tenant's customer is nobody's: not found); the admin
  // holds every permission and reaches every customer.
  { call: 'collect.customers', needs: 'payments.collect', input: () => ({}), expect: collecting('ok') },
  { call: 'collect.customer', needs: 'payments.collect', input: (t) => ({ id: t.customerId }), expect: collecting(own) },
  {
    call: 'collect.collectCash',
    needs: 'payments.collect',
    input: async (t) => ({ invoice_id: await t.fresh.pendingInvoice(), amount: 1, receipt_number: 'AUTHZ-1', idempotencyKey: t.idempotencyKey() }),
    expect: collecting(own),
  },
  { call: 'collect.receipt', needs: 'payments.collect', input: async (t) => ({ id: await t.fresh.collectorPayment() }), expect: collecting(own) },
  // Assigning a customer to a collector is the desk's customers.edit; a reseller may not, even in its book.
  {
    call: 'customers.update',
    case: 'assigning a collector',
    needs: 'customers.edit',
    input: async (t) => ({ id: await t.fresh.customerWithOpenInvoices(), collector_id: await t.fresh.collector() }),
    expect: { ...bookEdit, resellers: 403 },
  },
  // A client redeems into and tops up its own account only (the code here is malformed: past
  // authorization, refused on input); anyone else has no portal account.
  { call: 'portal.redeemVoucher', input: () => ({ code: 'NOT-A-CODE' }), expect: { ...clientOwn, clients: 'allowed' } },
  { call: 'portal.topUp', input: () => ({ amount: 1000 }), expect: clientOwn },
  // One checkout for several open invoices: a client's own; the desk with invoices.create in its book.
  {
    call: 'portal.massPay',
    needs: 'invoices.create',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), ids: [await t.fresh.pendingInvoice()] }),
    expect: { ...bookEdit, clients: own },
  },
  // Part of the credit balance onto an invoice: a client's own; beyond that it records a payment,
  // so it needs invoices.edit in the book. No credit on the tenant's customer: refused past authorization.
  {
    call: 'portal.applyCredit',
    needs: 'invoices.edit',
    input: async (t) => ({ idempotencyKey: t.idempotencyKey(), id: await t.fresh.pendingInvoice(), amount: 1 }),
    expect: { ...bookEdit, clients: 'own:allowed other:404', resellers: 'own:allowed other:404', admin: 'allowed' },
  },

  // Prepaid card batches are the desk's money: vouchers.manage (admins; staff when granted), never a reseller's.
  // Settings → Webhooks (docs/webhooks.md).
  { call: 'webhooks.endpoints', needs: 'admin', expect: adminOnly },
  { call: 'webhooks.endpoint', needs: 'admin', input: async (t) => ({ id: await t.fresh.webhookEndpoint() }), expect: adminOnly },
  { call: 'webhooks.create', needs: 'admin', input: () => ({ url: 'https://93.184.215.14/hooks', events: ['*'] }), expect: adminOnly },
  { call: 'webhooks.update', needs: 'admin', input: async (t) => ({ id: await t.fresh.webhookEndpoint(), description: 'authz' }), expect: adminOnly },
  { call: 'webhooks.remove', needs: 'admin', input: async (t) => ({ id: await t.fresh.webhookEndpoint() }), expect: adminOnly },
  { call: 'webhooks.rotateSecret', needs: 'admin', input: async (t) => ({ id: await t.fresh.webhookEndpoint() }), expect: adminOnly },
  { call: 'webhooks.sendTest', needs: 'admin', input: async (t) => ({ id: await t.fresh.webhookEndpoint() }), expect: adminOnly },
  { call: 'webhooks.deliveries', needs: 'admin', input: async (t) => ({ id: await t.fresh.webhookEndpoint(), limit: 10 }), expect: adminOnly },
  {
    call: 'webhooks.retry',
    needs: 'admin',
    input: async (t) => ({ id: await t.fresh.webhookEndpoint(), delivery_id: '00000000-0000-4000-8000-000000000000' }),
    expect: { ...adminOnly, admin: 404 },
  },
  { call: 'vouchers.batches', needs: 'vouchers.manage', expect: adminOnly },
  { call: 'vouchers.batch', needs: 'vouchers.manage', input: async (t) => ({ id: await t.fresh.voucherBatch() }), expect: adminOnly },
  { call: 'vouchers.sheet', needs: 'vouchers.manage', input: async (t) => ({ id: await t.fresh.voucherBatch() }), expect: adminOnly },
  {
    call: 'vouchers.createBatch',
    needs: 'vouchers.manage',
    input: () => ({ value: 500, currency: 'USD', expires_on: '2099-12-31', count: 1 }),
    expect: adminOnly,
  },
  { call: 'vouchers.voidBatch', needs: 'vouchers.manage', input: async (t) => ({ id: await t.fresh.voucherBatch() }), expect: adminOnly },
  { call: 'vouchers.voidCard', needs: 'vouchers.manage', input: async (t) => ({ id: await t.fresh.voucher() }), expect: adminOnly },
];

const restOwnRead: RestExpect = { anonymous: 401, resellers: own, staffWithout: 403, viewer: 'ok', admin: 'ok' };
const restBookEdit: RestExpect = { anonymous: 401, resellers: own, staffWithout: 403, viewer: 403, admin: 'ok' };
const restList: RestExpect = { anonymous: 401, resellers: 'ok', staffWithout: 403, viewer: 'ok', admin: 'ok' };
const restAdmin: RestExpect = { anonymous: 401, resellers: 403, staffWithout: 403, viewer: 403, admin: 'ok' };
const invoiceItems = [{ description: 'Authz check', quantity: 1, unit_price: 100, tax_rate: 0 }];

export const restMatrix: RestEntry[] = [
  { call: 'POST /api/v1/customers', body: (t) => ({ name: 'Authz', email: `rest-${t.unique()}@example.test` }), expect: { ...restBookEdit, resellers: 'ok' } },
  { call: 'GET /api/v1/customers', expect: restList },
  { call: 'GET /api/v1/customers/{id}', id: (t) => t.customerId, expect: restOwnRead },
  { call: 'GET /api/v1/customers/{id}/wallet', id: (t) => t.customerId, expect: restOwnRead },
  { call: 'PATCH /api/v1/customers/{id}', id: (t) => t.customerId, body: () => ({ phone: '+15550101' }), expect: restBookEdit },
  { call: 'POST /api/v1/customers/{id}/credit', case: 'debit', id: (t) => t.customerId, body: () => ({ amount: -1, reason: 'authz' }), expect: restBookEdit },
  { call: 'POST /api/v1/customers/{id}/credit', case: 'grant', id: (t) => t.customerId, body: () => ({ amount: 1, reason: 'authz' }), expect: restAdmin },
  // A top-up invoice for a customer of the book (invoices.create); a client tops up in the portal.
  { call: 'POST /api/v1/customers/{id}/top-ups', id: (t) => t.customerId, body: () => ({ amount: 1000 }), expect: restBookEdit },
  // Redeeming at the desk takes vouchers.manage (the code here is malformed: past authorization, refused on input).
  {
    call: 'POST /api/v1/customers/{id}/vouchers/redeem',
    id: (t) => t.customerId,
    body: () => ({ code: 'NOT-A-CODE' }),
    expect: { ...restAdmin, admin: 'allowed' },
  },
  { call: 'POST /api/v1/voucher-batches', body: () => ({ value: 500, currency: 'USD', expires_on: '2099-12-31', count: 1 }), expect: restAdmin },
  { call: 'GET /api/v1/voucher-batches', expect: restAdmin },
  { call: 'GET /api/v1/voucher-batches/{id}', id: (t) => t.fresh.voucherBatch(), expect: restAdmin },
  { call: 'GET /api/v1/voucher-batches/{id}/codes', id: (t) => t.fresh.voucherBatch(), expect: restAdmin },
  { call: 'POST /api/v1/voucher-batches/{id}/void', id: (t) => t.fresh.voucherBatch(), body: () => ({}), expect: restAdmin },
  { call: 'POST /api/v1/vouchers/{id}/void', id: (t) => t.fresh.voucher(), body: () => ({}), expect: restAdmin },
  { call: 'POST /api/v1/customers/{id}/consolidate', id: (t) => t.fresh.customerWithOpenInvoices(), body: () => ({}), expect: restBookEdit },

  { call: 'GET /api/v1/products', expect: restList },
  {
    call: 'POST /api/v1/products',
    body: (t) => ({ name: `Rest ${t.unique()}`, type: 'recurring', prices: [{ cycle: 'monthly', currency: 'USD', amount: 500 }] }),
    expect: restAdmin,
  },
  {
    call: 'POST /api/v1/coupons',
    body: (t) => ({ code: `REST${t.unique()}`, type: 'fixed', value: 100, currency: 'USD', duration: 'once' }),
    expect: restAdmin,
  },
  { call: 'GET /api/v1/settings/billing', expect: restAdmin },
  { call: 'PATCH /api/v1/settings/billing', body: () => ({}), expect: restAdmin },

  {
    call: 'POST /api/v1/invoices',
    body: (t) => ({ customer_id: t.customerId, status: 'draft', items: invoiceItems }),
    expect: { ...restBookEdit, resellers: 'own:ok other:400' },
  },
  { call: 'GET /api/v1/invoices', expect: restList },
  { call: 'GET /api/v1/transactions', expect: { ...restList, viewer: 403 } },
  { call: 'GET /api/v1/transactions', case: 'CSV', query: '?format=csv', expect: { ...restList, viewer: 403 } },
  { call: 'GET /api/v1/reports/commissions', query: '?from=2000-01-01&to=2099-12-31', expect: { ...restList, viewer: 403 } },
  { call: 'GET /api/v1/reports/commissions', case: 'CSV', query: '?from=2000-01-01&to=2099-12-31&format=csv', expect: { ...restList, viewer: 403 } },
  // The desk's reports need reports.view; a reseller key is refused (API.md: admin-only paths).
  { call: 'GET /api/v1/reports/revenue', query: '?from=2026-01-01&to=2027-12-31&currency=USD', expect: restAdmin },
  { call: 'GET /api/v1/reports/revenue', case: 'CSV', query: '?from=2026-01-01&to=2027-12-31&currency=USD&format=csv', expect: restAdmin },
  { call: 'GET /api/v1/reports/aging', query: '?currency=USD', expect: restAdmin },
  { call: 'GET /api/v1/reports/aging', case: 'CSV', query: '?currency=USD&format=csv', expect: restAdmin },
  { call: 'GET /api/v1/reports/mrr', query: '?from=2026-01-01&to=2027-12-31&currency=USD', expect: restAdmin },
  { call: 'GET /api/v1/reports/mrr', case: 'CSV', query: '?from=2026-01-01&to=2027-12-31&currency=USD&format=csv', expect: restAdmin },
  { call: 'GET /api/v1/reports/tax', query: '?from=2026-01-01&to=2027-12-31&currency=USD', expect: restAdmin },
  { call: 'GET /api/v1/reports/tax', case: 'CSV', query: '?from=2026-01-01&to=2027-12-31&currency=USD&format=csv', expect: restAdmin },
  { call: 'GET /api/v1/reports/resellers', query: '?from=2026-01-01&to=2027-12-31&currency=USD', expect: restAdmin },
  { call: 'GET /api/v1/reports/resellers', case: 'CSV', query: '?from=2026-01-01&to=2027-12-31&currency=USD&format=csv', expect: restAdmin },
  { call: 'GET /api/v1/invoices/{id}', id: (t) => t.invoiceId, expect: restOwnRead },
  { call: 'PATCH /api/v1/invoices/{id}', id: (t) => t.fresh.draftInvoice(), body: () => ({ notes: 'authz' }), expect: restBookEdit },
  { call: 'DELETE /api/v1/invoices/{id}', id: (t) => t.fresh.draftInvoice(), expect: { ...restBookEdit, resellers: 403 } },
  { call: 'POST /api/v1/invoices/{id}/finalize', id: (t) => t.fresh.draftInvoice(), expect: restBookEdit },
  { call: 'POST /api/v1/invoices/{id}/payments', id: (t) => t.invoiceId, body: () => ({ amount: 1, method: 'cash' }), expect: restBookEdit },
  { call: 'POST /api/v1/invoices/{id}/mark-paid', id: (t) => t.fresh.pendingInvoice(), body: () => ({}), expect: restBookEdit },
  { call: 'POST /api/v1/invoices/{id}/cancel', id: (t) => t.fresh.pendingInvoice(), expect: restBookEdit },
  // As the tRPC bulk actions: another book's ids fail inside a 200 answer, as not found.
  {
    call: 'POST /api/v1/invoices/bulk/mark-paid',
    body: async (t) => ({ ids: [await t.fresh.pendingInvoice()] }),
    expect: { ...restBookEdit, resellers: 'ok' },
  },
  { call: 'POST /api/v1/invoices/bulk/send', body: (t) => ({ ids: [t.invoiceId], channel: 'email' }), expect: { ...restBookEdit, resellers: 'ok' } },
  {
    call: 'POST /api/v1/invoices/bulk/send-reminder',
    body: async (t) => ({ ids: [await t.fresh.pendingInvoice()] }),
    expect: { ...restBookEdit, resellers: 'ok' },
  },
  { call: 'POST /api/v1/invoices/{id}/regenerate-token', id: (t) => t.fresh.pendingInvoice(), expect: restBookEdit },
  { call: 'GET /api/v1/invoices/{id}/pdf', id: (t) => t.invoiceId, expect: restOwnRead },
  { call: 'POST /api/v1/invoices/{id}/send', id: (t) => t.invoiceId, body: () => ({ channel: 'email' }), expect: restBookEdit },
  {
    call: 'POST /api/v1/invoices/{id}/status',
    id: (t) => t.fresh.pendingInvoice(),
    body: () => ({ status: 'overdue', reason: 'authz' }),
    expect: restBookEdit,
  },
  { call: 'POST /api/v1/invoices/{id}/send-reminder', id: (t) => t.fresh.pendingInvoice(), body: () => ({ template: 'friendly' }), expect: restBookEdit },
  { call: 'POST /api/v1/invoices/{id}/duplicate', id: (t) => t.fresh.pendingInvoice(), expect: restBookEdit },
  { call: 'POST /api/v1/invoices/{id}/finalize-and-send', id: (t) => t.fresh.draftInvoice(), expect: restBookEdit },
  { call: 'POST /api/v1/invoices/{id}/refunds', id: (t) => t.fresh.paidInvoice(), body: () => ({}), expect: restAdmin },
  {
    call: 'POST /api/v1/invoices/{id}/credit-notes',
    id: (t) => t.fresh.paidInvoice(),
    body: () => ({ items: invoiceItems, reason: 'authz' }),
    expect: restBookEdit,
  },
  {
    call: 'POST /api/v1/invoices/{id}/debit-notes',
    id: (t) => t.fresh.paidInvoice(),
    body: () => ({ items: invoiceItems, reason: 'authz' }),
    expect: restBookEdit,
  },
  // Public by design: the link's token opens it; without one every caller gets the same 404.
  {
    call: 'GET /api/v1/public/invoices/{id}',
    id: (t) => t.invoiceId,
    query: '?token=wrong',
    expect: { anonymous: 404, resellers: 404, staffWithout: 404, viewer: 404, admin: 404 },
  },

  {
    call: 'POST /api/v1/orders',
    body: (t) => ({ customer_id: t.customerId, items: [{ product_id: t.productId, cycle: 'monthly' }] }),
    expect: { ...restBookEdit, resellers: 'own:ok other:400' },
  },
  { call: 'GET /api/v1/orders', expect: restList },
  { call: 'GET /api/v1/payments', expect: restList },
  { call: 'GET /api/v1/payments', case: 'CSV', query: '?format=csv', expect: restList },
  { call: 'GET /api/v1/services', expect: restList },
  { call: 'GET /api/v1/services', case: 'CSV', query: '?format=csv', expect: restList },
  { call: 'GET /api/v1/orders/{id}', id: (t) => t.orderId, expect: restOwnRead },
  { call: 'POST /api/v1/orders/{id}/status', id: async (t) => (await t.fresh.order()).id, body: () => ({ status: 'cancelled' }), expect: restAdmin },
  { call: 'POST /api/v1/orders/{id}/approve', id: async (t) => (await t.fresh.order()).id, expect: restAdmin },
  { call: 'POST /api/v1/orders/{id}/documents', id: async (t) => (await t.fresh.order()).id, body: () => ({ kind: 'proforma' }), expect: restBookEdit },
  // A store order: past authz the admin gets 409 (only a draft / paused / active contract moves).
  { call: 'PATCH /api/v1/orders/{id}', id: (t) => t.orderId, body: () => ({ name: 'authz' }), expect: { ...restAdmin, admin: 'allowed' } },
  { call: 'POST /api/v1/orders/{id}/activate', id: (t) => t.orderId, expect: { ...restAdmin, admin: 'allowed' } },
  { call: 'POST /api/v1/orders/{id}/deactivate', id: (t) => t.orderId, expect: { ...restAdmin, admin: 'allowed' } },
  {
    call: 'POST /api/v1/services/{id}/change-plan',
    id: async (t) => (await t.fresh.order()).serviceId,
    body: (t) => ({ product_id: t.productId, cycle: 'annual', preview: true }),
    expect: { ...restAdmin, admin: 'allowed' },
  },
  {
    call: 'POST /api/v1/services/{id}/seats',
    id: async (t) => (await t.fresh.order()).serviceId,
    body: () => ({ quantity: 3, preview: true }),
    expect: { ...restAdmin, admin: 'allowed' },
  },
  // Usage (usage.report: the desk and a reseller in its book). No usage service here: past
  // authorization an unknown service is a 400 for every caller (tests/rest/usage-api.test.ts covers books).
  {
    call: 'POST /api/v1/usage',
    body: () => ({ service_id: '00000000-0000-4000-8000-000000000000', quantity: '1' }),
    expect: { ...restBookEdit, resellers: 'allowed', admin: 'allowed' },
  },
  {
    call: 'POST /api/v1/usage/batch',
    body: () => ({ records: [{ service_id: '00000000-0000-4000-8000-000000000000', quantity: 1 }] }),
    expect: { ...restBookEdit, resellers: 'allowed', admin: 'allowed' },
  },
  { call: 'GET /api/v1/usage', expect: restList },
  { call: 'POST /api/v1/billing-runs', body: () => ({}), expect: restAdmin },
  { call: 'GET /api/v1/jobs', expect: restList },
  // Resellers are managed by whoever manages settings (admins): a reseller never sees another's account.
  {
    call: 'POST /api/v1/resellers',
    body: (t) => ({ name: 'Authz', email: `reseller-${t.unique()}@example.test`, password: 'a-long-password', commission_percent: '5' }),
    expect: restAdmin,
  },
  { call: 'GET /api/v1/resellers', expect: restAdmin },
  { call: 'GET /api/v1/resellers/{id}', id: (t) => t.rivalResellerId, expect: restAdmin },
  { call: 'PATCH /api/v1/resellers/{id}', id: (t) => t.rivalResellerId, body: () => ({ see_parent_customers: false }), expect: restAdmin },
  { call: 'POST /api/v1/resellers/{id}/api-keys', id: (t) => t.rivalResellerId, body: () => ({ name: 'authz' }), expect: restAdmin },
  // Nothing is outstanding in the year 2000: the admin gets past authorization to the 409.
  {
    call: 'POST /api/v1/resellers/{id}/payouts',
    id: (t) => t.rivalResellerId,
    body: () => ({ from: '2000-01-01', to: '2000-01-31', currency: 'USD' }),
    expect: { ...restAdmin, admin: 'allowed' },
  },
  // No credit on the tenant's customer: past authorization the payment is refused (409).
  {
    call: 'POST /api/v1/invoices/{id}/apply-credit',
    id: (t) => t.fresh.pendingInvoice(),
    expect: { ...restBookEdit, resellers: 'own:allowed other:404', admin: 'allowed' },
  },
  // The desk's actions on customers and orders (issue 17's REST parity), under their console rules.
  {
    call: 'POST /api/v1/customers/{id}/quick-pay',
    id: (t) => t.fresh.customerWithOpenInvoices(),
    body: () => ({ currency: 'USD', method: 'cash' }),
    expect: restBookEdit,
  },
  { call: 'GET /api/v1/customers/{id}/contacts', id: (t) => t.customerId, expect: restOwnRead },
  {
    call: 'POST /api/v1/customers/{id}/contacts',
    id: (t) => t.customerId,
    body: (t) => ({ name: 'Authz Desk', email: `contact-${t.unique()}@example.test` }),
    expect: restBookEdit,
  },
  { call: 'DELETE /api/v1/contacts/{id}', id: (t) => t.fresh.customerContact(), expect: restBookEdit },
  // Notes: resellers their own on their book; a note the desk wrote is not found for them. Editing
  // and deleting need the subject's permission (here a customer's), which the service decides.
  { call: 'GET /api/v1/customers/{id}/notes', id: (t) => t.customerId, expect: restOwnRead },
  { call: 'POST /api/v1/customers/{id}/notes', id: (t) => t.customerId, body: () => ({ body: 'authz' }), expect: restBookEdit },
  { call: 'GET /api/v1/orders/{id}/notes', id: (t) => t.orderId, expect: restOwnRead },
  { call: 'POST /api/v1/orders/{id}/notes', id: (t) => t.orderId, body: () => ({ body: 'authz' }), expect: restAdmin },
  {
    call: 'PATCH /api/v1/notes/{id}',
    id: (t) => t.fresh.customerNote(),
    needs: 'customers.edit',
    body: () => ({ body: 'authz edited' }),
    expect: { ...restBookEdit, resellers: 404 },
  },
  { call: 'DELETE /api/v1/notes/{id}', id: (t) => t.fresh.customerNote(), needs: 'customers.edit', expect: { ...restBookEdit, resellers: 404 } },
  { call: 'POST /api/v1/orders/{id}/payment-method', id: (t) => t.orderId, body: () => ({ payment_method: 'bank_transfer' }), expect: restAdmin },
  { call: 'POST /api/v1/orders/{id}/customer', id: (t) => t.orderId, body: (t) => ({ customer_id: t.customerId }), expect: { ...restAdmin, admin: 'allowed' } },
  { call: 'POST /api/v1/orders/{id}/labels', id: (t) => t.orderId, body: () => ({ label: 'authz' }), expect: restAdmin },
  { call: 'DELETE /api/v1/orders/{id}/labels/{label}', id: (t) => t.orderId, params: { label: 'authz' }, expect: restAdmin },
  {
    call: 'POST /api/v1/orders/{id}/edit-price',
    id: async (t) => (await t.fresh.order()).id,
    body: () => ({ line_id: '00000000-0000-4000-8000-000000000000', unit_price: 900, reason: 'authz' }),
    expect: { ...restAdmin, admin: 'allowed' },
  },
  // Only a service waiting on manual provisioning can be marked; reaching that check is the point.
  { call: 'POST /api/v1/services/{id}/mark-provisioned', id: async (t) => (await t.fresh.order()).serviceId, expect: { ...restAdmin, admin: 'allowed' } },
  // The catalog's reads and the product editor; settings-level staff, keys and audit log (admins only).
  { call: 'GET /api/v1/products/{id}', id: (t) => t.productId, expect: restList },
  // Past authorization the admin's incomplete product is a 400: the tenant's product stays as it is.
  { call: 'PUT /api/v1/products/{id}', id: (t) => t.productId, body: () => ({ name: 'authz' }), expect: { ...restAdmin, admin: 'allowed' } },
  { call: 'GET /api/v1/coupons', expect: restList },
  { call: 'GET /api/v1/staff', expect: restAdmin },
  {
    call: 'POST /api/v1/staff',
    body: (t) => ({ name: 'Authz', email: `staff-${t.unique()}@example.test`, password: 'a-long-password', permissions: [] }),
    expect: restAdmin,
  },
  { call: 'PATCH /api/v1/staff/{id}', id: (t) => t.fresh.staffUser(), body: () => ({ permissions: ['customers.view'] }), expect: restAdmin },
  { call: 'POST /api/v1/users/{id}/disabled', id: (t) => t.fresh.staffUser(), body: () => ({ disabled: true }), expect: restAdmin },
  { call: 'GET /api/v1/audit-log', expect: restAdmin },
  { call: 'GET /api/v1/api-keys', expect: restAdmin },
  { call: 'POST /api/v1/api-keys', body: () => ({ name: 'authz', role: 'staff' }), expect: restAdmin },
  { call: 'DELETE /api/v1/api-keys/{id}', id: (t) => t.fresh.apiKey(), expect: restAdmin },
  { call: 'GET /api/v1/resellers/{id}/api-keys', id: (t) => t.rivalResellerId, expect: restAdmin },
  // No such key of that reseller: past authorization the admin gets the 404.
  {
    call: 'DELETE /api/v1/resellers/{id}/api-keys/{key_id}',
    id: (t) => t.rivalResellerId,
    params: { key_id: '00000000-0000-4000-8000-000000000000' },
    expect: { ...restAdmin, admin: 404 },
  },
  // Settings → Company, Payments, Communication, Automation, Security; templates, outbox, jobs.
  { call: 'GET /api/v1/settings/company', expect: restAdmin },
  { call: 'PATCH /api/v1/settings/company', body: () => ({}), expect: restAdmin },
  { call: 'GET /api/v1/settings/payments', expect: restAdmin },
  // An incomplete block is refused after authorization (the real one is in tests/rest/settings-api.test.ts).
  { call: 'PUT /api/v1/settings/payments', body: () => ({}), expect: { ...restAdmin, admin: 'allowed' } },
  { call: 'GET /api/v1/settings/communication', expect: restAdmin },
  { call: 'PUT /api/v1/settings/communication', body: () => ({ whatsapp: {} }), expect: { ...restAdmin, admin: 'allowed' } },
  { call: 'GET /api/v1/settings/communication/rules', expect: restAdmin },
  { call: 'PUT /api/v1/settings/communication/rules', body: () => defaultCommunicationRules, expect: restAdmin },
  { call: 'GET /api/v1/settings/automation', expect: restAdmin },
  { call: 'PATCH /api/v1/settings/automation', body: () => ({ time_zone: 'UTC' }), expect: restAdmin },
  { call: 'GET /api/v1/settings/security', expect: restAdmin },
  { call: 'PATCH /api/v1/settings/security', body: () => ({ require_two_factor: false }), expect: restAdmin },
  { call: 'GET /api/v1/email-templates', query: '?locale=fr', expect: restAdmin },
  {
    call: 'PUT /api/v1/email-templates/{template}',
    params: { template: 'invoice_created' },
    body: () => ({ locale: 'de', subject: 'Rechnung {number}', intro: 'Hier ist Ihre Rechnung.' }),
    expect: restAdmin,
  },
  {
    call: 'POST /api/v1/email-templates/{template}/preview',
    params: { template: 'invoice_created' },
    body: () => ({ subject: 'Invoice {number}', intro: 'Here is your invoice.' }),
    expect: restAdmin,
  },
  // Webhooks out: Settings → Webhooks (a literal public address: saving one needs no DNS).
  { call: 'POST /api/v1/webhook-endpoints', body: () => ({ url: 'https://93.184.215.14/hooks', events: ['*'] }), expect: restAdmin },
  { call: 'GET /api/v1/webhook-endpoints', expect: restAdmin },
  { call: 'GET /api/v1/webhook-endpoints/{id}', id: (t) => t.fresh.webhookEndpoint(), expect: restAdmin },
  { call: 'PATCH /api/v1/webhook-endpoints/{id}', id: (t) => t.fresh.webhookEndpoint(), body: () => ({ description: 'authz' }), expect: restAdmin },
  { call: 'DELETE /api/v1/webhook-endpoints/{id}', id: (t) => t.fresh.webhookEndpoint(), expect: restAdmin },
  { call: 'POST /api/v1/webhook-endpoints/{id}/rotate-secret', id: (t) => t.fresh.webhookEndpoint(), expect: restAdmin },
  { call: 'POST /api/v1/webhook-endpoints/{id}/test', id: (t) => t.fresh.webhookEndpoint(), expect: restAdmin },
  { call: 'GET /api/v1/webhook-endpoints/{id}/deliveries', id: (t) => t.fresh.webhookEndpoint(), expect: restAdmin },
  // No such delivery of that endpoint: past authorization the admin gets the 404.
  {
    call: 'POST /api/v1/webhook-endpoints/{id}/deliveries/{delivery_id}/retry',
    id: (t) => t.fresh.webhookEndpoint(),
    params: { delivery_id: '00000000-0000-4000-8000-000000000000' },
    expect: { ...restAdmin, admin: 404 },
  },
  { call: 'GET /api/v1/outbox', expect: restAdmin },
  { call: 'GET /api/v1/outbox/{id}', id: (t) => t.fresh.outboxMessage(), expect: restAdmin },
  // No such job: the admin reaches the lookup and finds nothing.
  { call: 'POST /api/v1/jobs/{id}/retry', id: () => '00000000-0000-4000-8000-000000000000', expect: { ...restAdmin, admin: 404 } },
  { call: 'POST /api/v1/workflows/{id}/run', id: () => 'dunning', body: () => ({}), expect: restAdmin },
  { call: 'GET /api/v1/openapi.json', expect: { anonymous: 'ok', resellers: 'ok', staffWithout: 'ok', viewer: 'ok', admin: 'ok' } },
  // The desk puts a customer on a collector's round by PATCH too; a reseller may not, even in its book.
  {
    call: 'PATCH /api/v1/customers/{id}',
    case: 'assigning a collector',
    id: (t) => t.fresh.customerWithOpenInvoices(),
    body: async (t) => ({ collector_id: await t.fresh.collector() }),
    expect: { ...restBookEdit, resellers: 403 },
  },
];

export const routeMatrix: RouteEntry[] = [
  { call: 'GET /admin/invoices/[id]/pdf', session: true, needs: 'invoices.view', id: (t) => t.invoiceId, expect: ownRead },
  { call: 'GET /admin/invoices/export', session: true, needs: 'invoices.view', expect: ownList },
  // Download PDFs: without ids it is refused past authorization; which invoices go in is the scope's (tests/invoices/bulk.test.ts).
  { call: 'GET /admin/invoices/pdfs', session: true, needs: 'invoices.view', expect: zipOfChosen },
  { call: 'GET /admin/orders/export', session: true, needs: 'orders.view', expect: ownList },
  // The batch's codes as CSV: the service's vouchers.manage decides (audited).
  { call: 'GET /admin/prepaid-cards/[id]/codes', session: true, needs: 'vouchers.manage', id: (t) => t.fresh.voucherBatch(), expect: adminOnly },
  // The reseller console's downloads are the desk's handlers under its own paths: the session's scope decides.
  { call: 'GET /reseller/invoices/[id]/pdf', session: true, needs: 'invoices.view', id: (t) => t.invoiceId, expect: ownRead },
  { call: 'GET /reseller/invoices/export', session: true, needs: 'invoices.view', expect: ownList },
  { call: 'GET /reseller/invoices/pdfs', session: true, needs: 'invoices.view', expect: zipOfChosen },
  { call: 'GET /reseller/orders/export', session: true, needs: 'orders.view', expect: ownList },
  { call: 'GET /admin/payments/export', session: true, needs: 'invoices.view', expect: deskList },
  { call: 'GET /reseller/payments/export', session: true, needs: 'invoices.view', expect: deskList },
  { call: 'GET /admin/services/export', session: true, needs: 'orders.view', expect: deskList },
  { call: 'GET /reseller/services/export', session: true, needs: 'orders.view', expect: deskList },
  { call: 'GET /reseller/commissions/export', session: true, needs: 'reports.view', expect: ledgerRead },
  { call: 'GET /admin/transactions/export', session: true, needs: 'reports.view', expect: ledgerRead },
  { call: 'GET /admin/reports/commissions/export', session: true, needs: 'reports.view', expect: ledgerRead },
  // The report pages' CSV (the REST export with the session): the desk only, as the procedures. No
  // query: this month (aging: today) in the only currency, or a 400 naming several — past authorization.
  { call: 'GET /admin/reports/revenue/export', session: true, needs: 'reports.view', expect: { ...adminOnly, admin: 'allowed' } },
  { call: 'GET /admin/reports/mrr/export', session: true, needs: 'reports.view', expect: { ...adminOnly, admin: 'allowed' } },
  { call: 'GET /admin/reports/aging/export', session: true, needs: 'reports.view', expect: { ...adminOnly, admin: 'allowed' } },
  { call: 'GET /admin/reports/tax/export', session: true, needs: 'reports.view', expect: { ...adminOnly, admin: 'allowed' } },
  { call: 'GET /admin/reports/resellers/export', session: true, needs: 'reports.view', expect: { ...adminOnly, admin: 'allowed' } },
  { call: 'GET /client/invoices/[id]/pdf', session: true, needs: 'invoices.view', id: (t) => t.invoiceId, expect: ownRead },
  {
    call: 'GET /client/invoices/[id]/pdf',
    case: 'draft',
    session: true,
    needs: 'invoices.view',
    id: (t) => t.fresh.draftInvoice(),
    expect: { ...ownRead, clients: 404 },
  },
  // The 80 mm receipt of a cash collection: as collect.receipt.
  { call: 'GET /collect/receipts/[id]/pdf', session: true, needs: 'payments.collect', id: (t) => t.fresh.collectorPayment(), expect: collecting(own) },
  { call: 'GET /api/auth/[...nextauth]', public: 'public', why: 'next-auth: session, CSRF token, providers' },
  { call: 'POST /api/auth/[...nextauth]', public: 'public', why: 'next-auth sign-in and sign-out, throttled' },
  { call: 'GET /api/health', public: 'public', why: 'says only whether the database answers' },
  { call: 'GET /api/inngest', public: 'public (inngest signature)', why: 'the Inngest SDK checks the signing key' },
  { call: 'POST /api/inngest', public: 'public (inngest signature)', why: 'the Inngest SDK checks the signing key' },
  { call: 'PUT /api/inngest', public: 'public (inngest signature)', why: 'the Inngest SDK checks the signing key' },
  { call: 'GET /api/trpc/[trpc]', public: 'public (procedures decide)', why: 'every procedure is in trpcMatrix' },
  { call: 'POST /api/trpc/[trpc]', public: 'public (procedures decide)', why: 'every procedure is in trpcMatrix; cross-site POSTs are refused' },
  { call: 'POST /api/webhooks/stripe', public: 'public (signature)', why: 'Stripe-Signature over the raw body' },
  { call: 'POST /api/webhooks/paypal', public: 'public (signature)', why: 'PayPal verify-webhook-signature' },
  { call: 'GET /p/invoice/[id]/pdf', public: 'public (token or session)', why: 'the invoice link token; a wrong one is a 404' },
  // Paying from credit works only with a session (a link token opens nothing here): it records a
  // payment, so beyond a client's own invoices it needs what recording one needs, invoices.edit.
  {
    call: 'POST /pay/[id]/credit',
    session: true,
    needs: 'invoices.edit',
    id: (t) => t.fresh.pendingInvoice(),
    expect: { ...bookEdit, anonymous: 404, clients: own },
  },
  { call: 'POST /pay/[id]/paypal', public: 'public (token or session)', why: 'the link token, or the signed-in client scope' },
  { call: 'POST /pay/[id]/stripe', public: 'public (token or session)', why: 'the link token, or the signed-in client scope' },
  { call: 'GET /pay/[id]/stripe', public: 'public (token or session)', why: 'the e-mailed card link carries the token' },
];

// A collector entering the desk is sent to its own area, the Collect page (403: a redirect).
const adminArea: Expect = { anonymous: 401, clients: 403, resellers: 403, staffWithout: 'ok', viewer: 'ok', admin: 'ok', collector: 403 };
const adminSection: Expect = { ...adminArea, staffWithout: 403 };
const adminsOnly: Expect = { ...adminArea, staffWithout: 403, viewer: 403 };
const clientArea: Expect = { anonymous: 401, clients: 'ok', resellers: 403, staffWithout: 403, viewer: 403, admin: 403, collector: 403 };
const resellerArea: Expect = { anonymous: 401, clients: 403, resellers: 'ok', staffWithout: 403, viewer: 403, admin: 403, collector: 403 };
// Outside the areas so an admin told to enrol in two-factor can reach it; clients keep theirs in the portal.
const accountArea: Expect = { anonymous: 401, clients: 403, resellers: 'ok', staffWithout: 'ok', viewer: 'ok', admin: 'ok', collector: 'ok' };
// The Collect page: collectors on their round, desk people holding payments.collect (the admin); other staff "no access".
const collectArea: Expect = { anonymous: 401, clients: 403, resellers: 403, staffWithout: 403, viewer: 403, admin: 'ok', collector: 'ok' };

export const pageMatrix: PageEntry[] = [
  { page: '/', expect: 'public' },
  { page: '/sign-in', expect: 'public' },
  { page: '/sign-out', expect: 'public' },
  { page: '/reset-password', expect: 'public' },
  // Opening a customer account ("Create account" on the sign-in page); signed-in people are sent home.
  { page: '/sign-up', expect: 'public' },
  { page: '/(shop)/store', expect: 'public' },
  { page: '/(shop)/store/[productId]', expect: 'public' },
  { page: '/(shop)/checkout', expect: 'public' },
  // The buyer's order confirmation: the order service answers another customer's order with a 404.
  { page: '/(shop)/checkout/complete/[orderId]', expect: clientArea },
  { page: '/p/invoice/[id]', expect: 'public' },
  { page: '/pay/return', expect: 'public' },
  { page: '/account', expect: accountArea },
  { page: '/account/two-factor', expect: accountArea },
  { page: '/admin', expect: adminArea },
  { page: '/admin/orders', needs: 'orders.view', expect: adminSection },
  { page: '/admin/orders/[id]', needs: 'orders.view', expect: adminSection },
  // The contract wizard: creating needs orders.create, editing a draft orders.edit, on top of the section's orders.view.
  { page: '/admin/orders/new', needs: 'orders.create', expect: adminsOnly },
  { page: '/admin/orders/[id]/edit', needs: 'orders.edit', expect: adminsOnly },
  { page: '/admin/invoices', needs: 'invoices.view', expect: adminSection },
  { page: '/admin/invoices/[id]', needs: 'invoices.view', expect: adminSection },
  { page: '/admin/transactions', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/payments', needs: 'invoices.view', expect: adminSection },
  { page: '/admin/services', needs: 'orders.view', expect: adminSection },
  { page: '/admin/reports', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/reports/revenue', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/reports/mrr', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/reports/aging', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/reports/tax', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/reports/resellers', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/reports/commissions', needs: 'reports.view', expect: adminsOnly },
  { page: '/admin/customers', needs: 'customers.view', expect: adminSection },
  { page: '/admin/customers/[id]', needs: 'customers.view', expect: adminSection },
  { page: '/admin/prepaid-cards', needs: 'vouchers.manage', expect: adminsOnly },
  { page: '/admin/prepaid-cards/[id]', needs: 'vouchers.manage', expect: adminsOnly },
  { page: '/admin/prepaid-cards/[id]/sheet', needs: 'vouchers.manage', expect: adminsOnly },
  { page: '/admin/catalog', needs: 'catalog.view', expect: adminSection },
  // New and edit need catalog.manage on top of the section's catalog.view.
  { page: '/admin/catalog/new', needs: 'catalog.manage', expect: adminsOnly },
  { page: '/admin/catalog/[id]', needs: 'catalog.manage', expect: adminsOnly },
  { page: '/admin/resellers', needs: 'settings.manage', expect: adminsOnly },
  { page: '/admin/resellers/[id]', needs: 'settings.manage', expect: adminsOnly },
  { page: '/admin/staff', needs: 'admin', expect: adminsOnly },
  { page: '/admin/jobs', needs: 'admin', expect: adminsOnly },
  { page: '/admin/audit', needs: 'admin', expect: adminsOnly },
  { page: '/admin/email-templates', needs: 'admin', expect: adminsOnly },
  { page: '/admin/webhooks', needs: 'admin', expect: adminsOnly },
  { page: '/admin/webhooks/[id]', needs: 'admin', expect: adminsOnly },
  { page: '/admin/outbox', needs: 'admin', expect: adminsOnly },
  { page: '/admin/outbox/[id]', needs: 'admin', expect: adminsOnly },
  { page: '/admin/settings', needs: 'admin', expect: adminsOnly },
  { page: '/client', expect: clientArea },
  { page: '/client/invoices', expect: clientArea },
  { page: '/client/invoices/[id]', expect: clientArea },
  { page: '/client/invoices/[id]/pay', expect: clientArea },
  { page: '/client/orders', expect: clientArea },
  { page: '/client/orders/[id]', expect: clientArea },
  { page: '/client/services', expect: clientArea },
  { page: '/client/services/[id]', expect: clientArea },
  { page: '/client/credit', expect: clientArea },
  { page: '/client/profile', expect: clientArea },
  { page: '/reseller', expect: resellerArea },
  { page: '/reseller/commissions', expect: resellerArea },
  { page: '/reseller/customers', expect: resellerArea },
  { page: '/reseller/customers/[id]', expect: resellerArea },
  { page: '/reseller/invoices', needs: 'invoices.view', expect: resellerArea },
  { page: '/reseller/invoices/[id]', needs: 'invoices.view', expect: resellerArea },
  { page: '/reseller/orders', expect: resellerArea },
  { page: '/reseller/orders/[id]', expect: resellerArea },
  { page: '/reseller/payments', needs: 'invoices.view', expect: resellerArea },
  { page: '/reseller/services', expect: resellerArea },
  { page: '/reseller/sub-resellers', expect: resellerArea },
  { page: '/reseller/sub-resellers/[id]', expect: resellerArea },
  { page: '/reseller/api-keys', expect: resellerArea },
  { page: '/reseller/profile', expect: resellerArea },
  { page: '/collect', needs: 'payments.collect', expect: collectArea },
];

/** Cells where the code lets an actor do or see more than the rules say, each with why it is not fixed here. */
export const knownLeaks: Array<{ call: string; actor: ActorName; reason: string }> = [];
