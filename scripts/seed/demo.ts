import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { resellers, users } from '@/db/schema';
import { hashPassword } from '@/server/auth/password';
import { defaultResellerFlags, defaultStaffPermissions } from '@/server/auth/permissions';
import { createCouponInput, createProductInput } from '@/server/schemas/catalog';
import { camelized } from '@/server/schemas/common';
import { createInvoiceInput } from '@/server/schemas/invoices';
import { placeOrderInput } from '@/server/schemas/orders';
import { runBilling } from '@/server/services/billing-runs/run-billing';
import { createCoupon } from '@/server/services/catalog/create-coupon';
import { createProduct } from '@/server/services/catalog/create-product';
import { systemContext } from '@/server/services/context';
import { adjustCredit } from '@/server/services/credit/adjust';
import { createCustomer } from '@/server/services/customers/create';
import { updateCustomer } from '@/server/services/customers/update';
import { cancelInvoice } from '@/server/services/invoices/cancel';
import { createInvoice } from '@/server/services/invoices/create';
import { markInvoicePaid } from '@/server/services/invoices/mark-paid';
import { placeOrder } from '@/server/services/orders/place';
import { recordPayment } from '@/server/services/payments/record';
import { refundPayment } from '@/server/services/payments/refund';
import { updateCompany } from '@/server/services/settings/company';
import { seedContract } from './contracts';
import { seedResellers } from './resellers';

export const demoPassword = 'cashdesk';

const directCustomers: Array<[name: string, email: string, company: string, country: string, currency?: string]> = [
  ['Ada Lovelace', 'ada@analytical.test', 'Analytical Engines Ltd', 'GB', 'GBP'],
  ['Grace Hopper', 'grace@cobol.test', 'Compiler Works', 'US'],
  ['Linus Torvalds', 'linus@kernel.test', 'Kernel Hosting Oy', 'FI', 'EUR'],
  ['Margaret Hamilton', 'margaret@apollo.test', 'Apollo Guidance', 'US'],
  ['Tim Berners-Lee', 'tim@www.test', 'Hypertext Co', 'CH', 'CHF'],
  ['Yukihiro Matsumoto', 'matz@ruby.test', 'Ruby Cloud KK', 'JP', 'JPY'],
  ['Barbara Liskov', 'barbara@clu.test', 'Substitution Systems', 'US'],
  ['Dennis Ritchie', 'dennis@unix.test', 'Bell Servers', 'US'],
  ['Frances Allen', 'frances@ptran.test', 'Optimizing Compilers', 'US'],
  ['Edsger Dijkstra', 'edsger@shortest.test', 'Shortest Path BV', 'NL', 'EUR'],
  ['Donald Knuth', 'don@tex.test', 'Literate Hosting', 'US'],
  ['Hedy Lamarr', 'hedy@spread.test', 'Frequency Hopping Inc', 'AT', 'EUR'],
  ['Alan Kay', 'alan@smalltalk.test', 'Dynabook Media', 'US'],
  ['Radia Perlman', 'radia@spanning.test', 'Spanning Tree Networks', 'US'],
  ['Ken Thompson', 'ken@plan9.test', 'Plan 9 ISP', 'US'],
  ['Sophie Wilson', 'sophie@arm.test', 'Acorn Colo', 'GB', 'GBP'],
  ['Guido van Rossum', 'guido@python.test', 'Snake Hosting', 'NL', 'EUR'],
  ['Jean Sammet', 'jean@fortran.test', 'Formula Translation', 'US'],
  ['Bjarne Stroustrup', 'bjarne@cpp.test', 'Classes Datacenter', 'DK', 'DKK'],
  ['Katherine Johnson', 'katherine@orbit.test', 'Trajectory Analytics', 'US'],
  ['Niklaus Wirth', 'niklaus@pascal.test', 'Modula Servers AG', 'CH', 'CHF'],
  ['Adele Goldberg', 'adele@parc.test', 'ParcPlace Web', 'US'],
];

const resellerCustomers: Array<[name: string, email: string, company: string]> = [
  ['Carol Shaw', 'carol@river.test', 'River Raid Games'],
  ['John Carmack', 'john@id.test', 'Id Hosting'],
  ['Roberta Williams', 'roberta@sierra.test', 'Sierra Web Studio'],
];

/** Demo data for a fresh install: the users of DESIGN.md §8 and a small book of customers. */
export async function seedDemo(db: Database, now = new Date()): Promise<void> {
  const ctx = systemContext(db, now);
  const passwordHash = await hashPassword(demoPassword);

  const people = await db
    .insert(users)
    .values([
      { email: 'admin@cashdesk.test', name: 'Avery Admin', passwordHash, demoPassword: true, role: 'admin' },
      { email: 'staff@cashdesk.test', name: 'Sam Staff', passwordHash, demoPassword: true, role: 'staff', permissions: [...defaultStaffPermissions] },
      { email: 'reseller@cashdesk.test', name: 'Rene Reseller', passwordHash, demoPassword: true, role: 'reseller', permissions: [...defaultResellerFlags] },
      // A look-but-don't-touch staff account, to see the console without edit rights.
      {
        email: 'viewer@cashdesk.test',
        name: 'Vera Viewer',
        passwordHash,
        demoPassword: true,
        role: 'staff',
        permissions: ['customers.view', 'invoices.view', 'orders.view', 'catalog.view'],
      },
      // A cash collector: the Collect page with the customers assigned below (docs/collectors.md).
      { email: 'collector@cashdesk.test', name: 'Colin Collector', passwordHash, demoPassword: true, role: 'collector' },
    ])
    .returning({ id: users.id, role: users.role });
  const reseller = people.find((r) => r.role === 'reseller');
  const collector = people.find((r) => r.role === 'collector');
  await db.insert(resellers).values({ userId: reseller!.id, commissionMilli: 10_000n, mayCreateSubResellers: true });

  // Spread creation times a minute apart so the newest-first list has a stable, readable order.
  let minute = directCustomers.length + resellerCustomers.length + 1;
  const at = () => new Date(now.getTime() - minute-- * 60_000);
  const ids = new Map<string, string>();
  for (const [name, email, company, country, currency] of directCustomers) {
    const customer = await createCustomer(
      { ...ctx, now: at() },
      { name, email, company, currency, billingAddress: { line1: '1 Demo Street', city: 'Demo City', country } },
    );
    ids.set(email, customer.id);
  }
  for (const [name, email, company] of resellerCustomers) {
    const customer = await createCustomer({ ...ctx, now: at() }, { name, email, company, resellerId: reseller!.id });
    ids.set(email, customer.id);
  }
  const clientCustomerId = ids.get('ada@analytical.test');
  // The seller on every demo document.
  await updateCompany(ctx, {
    name: 'Northwind Hosting Ltd',
    address: '12 Harbour Road\nBristol BS1 4RN\nUnited Kingdom',
    tax_id: 'GB123456789',
    email: 'billing@northwind.test',
    phone: '+44 117 496 0000',
    logo: null,
  });
  const customer = (email: string) => ids.get(email)!;
  // Colin's round: Barbara (an overdue invoice after today's run), Linus (a new order to pay) and Dennis (nothing due).
  for (const email of ['barbara@clu.test', 'linus@kernel.test', 'dennis@unix.test'])
    await updateCustomer(ctx, { id: customer(email), collectorId: collector!.id });
  await seedBilling(db, now, customer);
  // A sub-reseller under Rene, a second reseller, invoices in every book and Rene's last payout.
  await seedResellers(db, now, { reneId: reseller!.id, password: demoPassword, customer });
  // Katherine's company is on a contract: seats with prepaid credits, and usage billed in arrears.
  await seedContract(db, now, customer('katherine@orbit.test'));
  // Today's run: Ada's renewal is invoiced and the unpaid invoices past due (Barbara's, one in each reseller's book) turn overdue.
  await runBilling(ctx, {});
  // The demo client signs in to the first customer's account (Ada Lovelace).
  await db.insert(users).values({
    email: 'client@cashdesk.test',
    name: 'Ada Lovelace',
    passwordHash,
    demoPassword: true,
    role: 'client',
    customerId: clientCustomerId!,
  });
}

export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  return rows.length === 0;
}

const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

/** A catalog, orders in every state and invoices in every status, as a desk would have them (overdue after the caller's billing run). */
async function seedBilling(db: Database, now: Date, customer: (email: string) => string): Promise<void> {
  const ctx = (days: number) => systemContext(db, daysAgo(now, days));
  const prices = (monthly: number, setup = 0) =>
    ['USD', 'EUR', 'GBP', 'CHF', 'DKK'].flatMap((currency) => [
      { cycle: 'monthly', currency, amount: monthly, setup_fee: setup },
      { cycle: 'annual', currency, amount: monthly * 10 },
    ]);
  const hosting = await createProduct(
    ctx(90),
    camelized(createProductInput).parse({
      name: 'Shared Hosting',
      category: 'Hosting',
      type: 'recurring',
      description: 'Everything a small site needs, on fast **NVMe** storage with daily backups. Set up in minutes; upgrade any time.',
      features: ['1 website', '10 GB NVMe storage', 'Free SSL certificates', '5 e-mail accounts', 'Daily backups, kept 14 days'],
      prices: prices(899),
    }),
  );
  await createProduct(
    ctx(90),
    camelized(createProductInput).parse({
      name: 'Business Hosting',
      category: 'Hosting',
      type: 'recurring',
      description: 'More room and more power for busy shops and agencies, with staging sites and *priority* support.',
      features: ['Unlimited websites', '100 GB NVMe storage', 'Free SSL certificates', 'Unlimited e-mail accounts', 'Staging sites', 'Priority support'],
      prices: prices(1999),
    }),
  );
  await createProduct(
    ctx(90),
    camelized(createProductInput).parse({
      name: 'WordPress Hosting',
      category: 'Hosting',
      type: 'recurring',
      description: 'WordPress installed, updated and cached for you. Bring your theme; we look after the rest.',
      features: ['1 WordPress site', '25 GB NVMe storage', 'Automatic core and plugin updates', 'Built-in page cache and CDN', 'Malware scanning'],
      prices: prices(1299),
    }),
  );
  const vps = await createProduct(
    ctx(90),
    camelized(createProductInput).parse({
      name: 'Cloud VPS',
      category: 'Servers',
      type: 'recurring',
      description: 'A virtual server with **root access** and dedicated resources. Choose Debian or Windows Server and add memory as you grow.',
      features: ['2 vCPU, 4 GB RAM', '80 GB NVMe storage', '1 Gbit/s network, 4 TB traffic', 'DDoS protection', 'Snapshots from the control panel'],
      auto_activate: false,
      prices: prices(2400, 1000),
      option_groups: [
        {
          name: 'Operating system',
          kind: 'select',
          required: true,
          options: [
            { name: 'Debian', prices: prices(0).map(({ setup_fee: _s, ...p }) => ({ ...p, amount: 0 })) },
            { name: 'Windows Server', prices: prices(1500).map(({ setup_fee: _s, ...p }) => p) },
          ],
        },
        { name: 'Extra RAM (GB)', kind: 'quantity', options: [{ name: 'GB', prices: prices(300).map(({ setup_fee: _s, ...p }) => p) }] },
      ],
    }),
  );
  await createProduct(
    ctx(90),
    camelized(createProductInput).parse({
      name: 'Dedicated Server',
      category: 'Servers',
      type: 'recurring',
      description: 'A whole machine to yourself in our Frankfurt data centre, set up by our team within one working day.',
      features: ['Intel Xeon E-2388G, 8 cores', '64 GB ECC RAM', '2 × 1 TB NVMe (RAID 1)', 'Unmetered 1 Gbit/s', 'Remote console (IPMI)'],
      auto_activate: false,
      prices: prices(8900, 4900),
    }),
  );
  await createProduct(
    ctx(90),
    camelized(createProductInput).parse({
      name: 'Website Migration',
      category: 'Services',
      description: 'We move your site, databases and mailboxes from your old host, with no downtime.',
      features: ['Up to 5 websites', 'E-mail and DNS moved too', 'Done within 3 working days'],
      type: 'one_time',
      prices: ['USD', 'EUR', 'GBP'].map((currency) => ({ cycle: 'one_time', currency, amount: 4900 })),
    }),
  );
  await createCoupon(ctx(90), camelized(createCouponInput).parse({ code: 'WELCOME10', type: 'percent', value: 10, duration: 'once' }));

  const order = (days: number, email: string, items: Array<Record<string, unknown>>, coupon?: string) =>
    placeOrder(ctx(days), camelized(placeOrderInput).parse({ customer_id: customer(email), items, coupon_code: coupon }));
  const debian = vps.optionGroups[0]!.options[0]!.id;

  // Ada (the demo client): a live hosting plan, renewed by the billing run below.
  const ada = await order(40, 'ada@analytical.test', [{ product_id: hosting.id, cycle: 'monthly' }], 'WELCOME10');
  await markInvoicePaid(ctx(39), { id: ada.invoiceId!, method: 'card', reference: 'DEMO-CARD-1' });
  await adjustCredit(ctx(20), { customerId: customer('ada@analytical.test'), amount: 500n, reason: 'Goodwill for a support delay' });
  // Grace: paid for a VPS that waits for an admin's approval.
  const grace = await order(3, 'grace@cobol.test', [{ product_id: vps.id, cycle: 'monthly', options: [{ option_id: debian }] }]);
  await markInvoicePaid(ctx(2), { id: grace.invoiceId!, method: 'bank_transfer', reference: 'SEPA-0042' });
  // Linus: a fresh order waiting for payment.
  await order(1, 'linus@kernel.test', [{ product_id: hosting.id, cycle: 'annual' }]);
  // Carol (a reseller's customer): active hosting.
  const carol = await order(25, 'carol@river.test', [{ product_id: hosting.id, cycle: 'monthly' }]);
  await markInvoicePaid(ctx(25), { id: carol.invoiceId!, method: 'cash' });

  const invoice = (days: number, email: string, description: string, amount: number, options: { draft?: boolean; dueInDays?: number } = {}) =>
    createInvoice(
      ctx(days),
      camelized(createInvoiceInput).parse({
        customer_id: customer(email),
        status: options.draft ? 'draft' : 'pending',
        due_date:
          options.dueInDays === undefined
            ? undefined
            : daysAgo(now, days - options.dueInDays)
                .toISOString()
                .slice(0, 10),
        items: [{ description, quantity: 1, unit_price: amount }],
      }),
    );
  const partial = await invoice(10, 'margaret@apollo.test', 'Consulting, 6 hours', 72000);
  await recordPayment(ctx(5), { invoiceId: partial.id, amount: 30000n, method: 'bank_transfer', reference: 'Part payment' });
  await invoice(45, 'barbara@clu.test', 'Dedicated server, March', 15900, { dueInDays: 30 });
  const cancelled = await invoice(30, 'dennis@unix.test', 'Duplicate of an earlier invoice', 4500);
  await cancelInvoice(ctx(29), { id: cancelled.id });
  const refunded = await invoice(20, 'frances@ptran.test', 'SSL certificate', 5900);
  await markInvoicePaid(ctx(19), { id: refunded.id, method: 'card' });
  await refundPayment(ctx(18), { invoiceId: refunded.id, reason: 'Ordered by mistake', toCredit: false });
  await invoice(0, 'don@tex.test', 'Custom development (estimate)', 250000, { draft: true });
  await invoice(2, 'alan@smalltalk.test', 'Backup storage, 500 GB', 2500);
}
