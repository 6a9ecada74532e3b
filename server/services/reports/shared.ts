import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '@/db';
import type { invoices, payments, services } from '@/db/schema';
import { bigintValue } from '@/db/sql';
import { requirePermission, type Actor, type Scope } from '@/server/auth/actor';
import { AppError } from '@/server/errors';
import { ownedByScope } from '@/server/services/customers/scope';
import { readBillingSettings } from '@/server/services/settings/read';

/**
 * The reports are the desk's: admins, and staff granted `reports.view`. A reseller never holds
 * that permission (it is not one of the flags an admin grants a reseller) and is refused, as
 * API.md lists reports other than its own commissions among the admin-only paths; a reseller's
 * figures for its book are the dashboard's business, not these reports'.
 */
export function requireReports(actor: Actor): void {
  requirePermission(actor, 'reports.view');
  if (actor.scope.kind !== 'all') throw new AppError('forbidden', 'Reports are not available to this account');
}

/**
 * The currency a report is in: the one asked for; else the only one `used` yields (a query with
 * a `currency` column: what the report would sum); else, when nothing is used, the desk's
 * default currency (the figures are then all zero). Several and none asked for → 400 on
 * `currency`, naming them, since figures in different currencies cannot be added up.
 */
export async function reportCurrency(db: Database, requested: string | undefined, used: SQL): Promise<string> {
  if (requested) return requested;
  const rows = await db
    .selectDistinct({ currency: sql<string>`used.currency` })
    .from(sql`(${used}) as used`)
    .orderBy(sql`used.currency`);
  if (rows.length === 1) return rows[0]!.currency;
  if (rows.length === 0) return (await readBillingSettings(db)).currency;
  const names = rows.map((r) => r.currency).join(', ');
  throw new AppError('validation', `This report has figures in ${names}; choose one currency`, { currency: `is required: the figures are in ${names}` });
}

/** The instant a UTC calendar day begins: timestamps compare against it, so their indexes serve the range. */
export const dayStart = (date: string | SQL): SQL => sql`((${date})::date::timestamp at time zone 'UTC')`;

/** The UTC calendar day of a timestamp. */
export const utcDay = (instant: SQL): SQL => sql`((${instant}) at time zone 'UTC')::date`;

/**
 * A report's statement, run without JIT: over a large book its estimated cost passes
 * `jit_above_cost`, and compiling the plan took longer than running it (bench/reports.ts,
 * docs/performance.md "Reports").
 */
export function withoutJit<T>(db: Database, query: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return query(tx as unknown as Database);
  });
}

/** A minor-units column of a raw report query, read exactly. */
export const minorColumn = (name: string) => sql<bigint>`${sql.identifier(name)}`.mapWith(bigintValue);

/**
 * The rows of a raw report query's table, under its alias there (`payments p`), that a scope
 * reaches: the desk everything, a reseller its book's, a client its own (`ownedByScope`).
 */
export function inScope(table: typeof invoices | typeof payments | typeof services, name: string, scope: Scope): SQL {
  return ownedByScope(alias(table, name).customerId, scope) ?? sql`true`;
}
