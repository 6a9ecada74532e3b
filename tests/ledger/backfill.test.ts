import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '@/db';
import { urlFor, withAdmin } from '../support/postgres';

const name = `ledger_backfill_${randomBytes(4).toString('hex')}`;
let sql: postgres.Sql;

/** Runs one migration file as drizzle does: statement by statement. */
async function apply(file: string) {
  const text = await readFile(path.join(migrationsFolder, file), 'utf8');
  for (const statement of text.split('--> statement-breakpoint')) if (statement.trim()) await sql.unsafe(statement);
}

beforeAll(async () => {
  await withAdmin((admin) => admin.unsafe(`create database ${name}`));
  sql = postgres(urlFor(name), { max: 1, onnotice: () => {} });
});
afterAll(async () => {
  await sql.end({ timeout: 5 });
  await withAdmin((admin) => admin.unsafe(`drop database if exists ${name} with (force)`));
});

describe('migration 0010', () => {
  it('starts the ledger with one income row per payment and one refund row per refund made before it', async () => {
    const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).sort();
    const ledger = files.find((f) => f.startsWith('0010_'))!;
    for (const file of files.filter((f) => f < ledger)) await apply(file);

    await sql.unsafe(`
      insert into users (id, email, name, password_hash, role) values
        ('00000000-0000-4000-8000-000000000001', 'rex@example.test', 'Rex', 'x', 'reseller'),
        ('00000000-0000-4000-8000-000000000002', 'desk@example.test', 'Desk', 'x', 'admin');
      insert into customers (id, name, email, currency, reseller_id) values
        ('00000000-0000-4000-8000-000000000010', 'Old Customer', 'old@example.test', 'USD', '00000000-0000-4000-8000-000000000001');
      insert into invoices (id, number, status, customer_id, currency, tax_mode, issue_date, due_date, subtotal, tax_total, total, amount_paid, amount_refunded) values
        ('00000000-0000-4000-8000-000000000020', 'INV-OLD-1', 'paid', '00000000-0000-4000-8000-000000000010', 'USD', 'exclusive', '2026-11-02', '2026-11-16', 1000, 0, 1000, 1000, 400);
      insert into payments (id, invoice_id, customer_id, amount, currency, method, paid_at, reference, recorded_by_id, created_at) values
        ('00000000-0000-4000-8000-000000000030', '00000000-0000-4000-8000-000000000020', '00000000-0000-4000-8000-000000000010',
         1000, 'USD', 'bank_transfer', '2026-11-03T09:00:00Z', 'WIRE-1', '00000000-0000-4000-8000-000000000002', '2026-11-03T09:00:00Z');
      insert into refunds (id, invoice_id, payment_id, amount, currency, method, reason, refunded_at, created_at) values
        ('00000000-0000-4000-8000-000000000040', '00000000-0000-4000-8000-000000000020', '00000000-0000-4000-8000-000000000030',
         400, 'USD', 'bank_transfer', 'Goodwill', '2026-11-05T09:00:00Z', '2026-11-05T09:00:00Z');
    `);
    await apply(ledger);

    const rows = await sql`select type, amount::int, currency, invoice_id, payment_id, refund_id, customer_id, reseller_id, reference, actor, created_at
      from transactions order by created_at`;
    const common = {
      currency: 'USD',
      invoice_id: '00000000-0000-4000-8000-000000000020',
      payment_id: '00000000-0000-4000-8000-000000000030',
      customer_id: '00000000-0000-4000-8000-000000000010',
      reseller_id: '00000000-0000-4000-8000-000000000001',
    };
    expect(rows.map((r) => ({ ...r }))).toEqual([
      {
        ...common,
        type: 'income',
        amount: 1000,
        refund_id: null,
        reference: 'WIRE-1',
        actor: 'desk@example.test',
        created_at: new Date('2026-11-03T09:00:00Z'),
      },
      {
        ...common,
        type: 'refund',
        amount: 400,
        refund_id: '00000000-0000-4000-8000-000000000040',
        reference: 'Goodwill',
        actor: 'migration',
        created_at: new Date('2026-11-05T09:00:00Z'),
      },
    ]);
  });
});
