import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { roles } from '../../server/auth/permissions';
import { invoiceKinds, invoiceStatuses } from '../../server/billing/invoice-status';
import { orderStatuses, serviceStatuses } from '../../server/billing/order-status';
import { priceCycles } from '../../server/billing/periods';
import { jobStatuses } from '../../server/jobs/job-status';
import { role } from './auth';
import { priceCycle } from './catalog';
import { invoiceKind, invoiceStatus } from './invoices';
import { jobStatus } from './jobs';
import { orderStatus, serviceStatus } from './orders';

// The database's enums are the billing rules' constants: the same values in the same order (a
// reorder or rename is a migration), and what the last migration left in the database.
const migrations = path.resolve(import.meta.dirname, '../migrations/meta');
const lastSnapshot = readdirSync(migrations)
  .filter((name) => name.endsWith('_snapshot.json'))
  .sort()
  .at(-1)!;
const migrated: Record<string, { values: string[] }> = JSON.parse(readFileSync(path.join(migrations, lastSnapshot), 'utf8')).enums;

describe.each([
  [invoiceKind, invoiceKinds],
  [invoiceStatus, invoiceStatuses],
  [orderStatus, orderStatuses],
  [serviceStatus, serviceStatuses],
  [priceCycle, priceCycles],
  [jobStatus, jobStatuses],
  [role, roles],
] as const)('pgEnum $enumName', (pgEnum, constant) => {
  it('holds its billing constant, in order', () => {
    expect(pgEnum.enumValues).toEqual(constant);
  });

  it('matches the last migration', () => {
    expect(migrated[`public.${pgEnum.enumName}`]?.values).toEqual([...constant]);
  });
});
