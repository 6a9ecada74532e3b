import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { users } from '@/db/schema';
import { systemActor } from '@/server/auth/actor';
import { hashPassword } from '@/server/auth/password';
import { defaultStaffPermissions } from '@/server/auth/permissions';
import { createCustomer } from '@/server/services/create-customer';

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
  const ctx = { db, actor: systemActor(), now };
  const passwordHash = await hashPassword(demoPassword);

  const [reseller] = await db
    .insert(users)
    .values([
      { email: 'admin@cashdesk.test', name: 'Avery Admin', passwordHash, role: 'admin' },
      { email: 'staff@cashdesk.test', name: 'Sam Staff', passwordHash, role: 'staff', permissions: [...defaultStaffPermissions] },
      { email: 'reseller@cashdesk.test', name: 'Rene Reseller', passwordHash, role: 'reseller' },
    ])
    .returning({ id: users.id, role: users.role })
    .then((rows) => rows.filter((r) => r.role === 'reseller'));

  // Spread creation times a minute apart so the newest-first list has a stable, readable order.
  let minute = directCustomers.length + resellerCustomers.length + 1;
  const at = () => new Date(now.getTime() - minute-- * 60_000);
  let clientCustomerId: string | undefined;
  for (const [name, email, company, country, currency] of directCustomers) {
    const customer = await createCustomer(
      { ...ctx, now: at() },
      { name, email, company, currency, billing_address: { line1: '1 Demo Street', city: 'Demo City', country } },
    );
    clientCustomerId ??= customer.id;
  }
  for (const [name, email, company] of resellerCustomers) {
    await createCustomer({ ...ctx, now: at() }, { name, email, company, reseller_id: reseller!.id });
  }
  // The demo client signs in to the first customer's account (Ada Lovelace).
  await db.insert(users).values({
    email: 'client@cashdesk.test',
    name: 'Ada Lovelace',
    passwordHash,
    role: 'client',
    customerId: clientCustomerId!,
  });
}

export async function isEmpty(db: Database): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  return rows.length === 0;
}
