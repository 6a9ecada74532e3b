import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { GET as health } from '@/app/api/health/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { withTestDatabase } from '../support/database';

vi.hoisted(() => {
  process.env.CASHDESK_PUBLIC_URL = 'https://billing.acme.test';
});

withTestDatabase();

type Operation = { operationId: string };
type Document = { paths: Record<string, Record<string, Operation>> };

const operationIds = (doc: Document) => Object.values(doc.paths).flatMap((operations) => Object.values(operations).map((o) => o.operationId));

/**
 * Runs Redocly's CLI on the document with its recommended rules, offline: from a temp folder (no
 * redocly.yaml of ours or anyone's is picked up), without telemetry or the update check.
 */
async function redoclyLint(doc: unknown): Promise<{ totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] }> {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin/cli.js');
  const folder = await mkdtemp(path.join(tmpdir(), 'cashdesk-openapi-'));
  try {
    await writeFile(path.join(folder, 'openapi.json'), JSON.stringify(doc));
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [cli, 'lint', 'openapi.json', '--extends=recommended', '--format=json', '--lint-config=off'],
      {
        cwd: folder,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
    );
    return JSON.parse(stdout);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

describe('public endpoints', () => {
  it('reports health with the database reachable', async () => {
    const response = await health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', db: 'ok' });
  });

  it('describes the customer operations in OpenAPI 3.1 from the zod schemas', async () => {
    const doc = await openapi().json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/customers'].post;
    expect(create.responses['201']).toBeDefined();
    const body = create.requestBody.content['application/json'].schema;
    expect(body.required).toEqual(expect.arrayContaining(['name', 'email']));
    expect(body.properties.billing_address.properties.country).toBeDefined();
    expect(create.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
    const list = doc.paths['/api/v1/customers'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['limit', 'cursor', 'q']));
    expect(doc.paths['/api/v1/customers/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });

  it('offers Mark as paid only the methods received outside Cashdesk', async () => {
    const doc = await openapi().json();
    const body = doc.paths['/api/v1/invoices/{id}/mark-paid'].post.requestBody.content['application/json'].schema;
    expect(body.properties.method.enum).toEqual(['bank_transfer', 'cash', 'card', 'prepaid_card', 'collector', 'online']);
  });

  it('passes Redocly’s recommended rules with no error and no warning', async () => {
    const report = await redoclyLint(await openapi().json());
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('names the license and this installation’s public URL as the server', async () => {
    const doc = await openapi().json();
    expect(doc.info.license.name).toBeTruthy();
    expect(doc.servers).toEqual([expect.objectContaining({ url: 'https://billing.acme.test' })]);
  });

  it('keeps every published operationId (generated clients are named after them) and never repeats one', async () => {
    const ids = operationIds(await openapi().json());
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(publishedOperationIds));
  });
});

/** Ids integrators' clients already use: a change to the derivation must not rename any of them. */
const publishedOperationIds = [
  'apiKeys.create',
  'apiKeys.delete',
  'apiKeys.list',
  'auditLog.list',
  'billingRuns.create',
  'contacts.delete',
  'coupons.create',
  'coupons.list',
  'customers.consolidate',
  'customers.contacts',
  'customers.contacts.list',
  'customers.create',
  'customers.credit',
  'customers.get',
  'customers.list',
  'customers.notes',
  'customers.notes.list',
  'customers.quickPay',
  'customers.update',
  'customers.wallet.get',
  'emailTemplates.list',
  'emailTemplates.preview',
  'emailTemplates.update',
  'invoices.applyCredit',
  'invoices.cancel',
  'invoices.create',
  'invoices.creditNotes',
  'invoices.debitNotes',
  'invoices.delete',
  'invoices.duplicate',
  'invoices.finalize',
  'invoices.finalizeAndSend',
  'invoices.get',
  'invoices.list',
  'invoices.markPaid',
  'invoices.payments',
  'invoices.pdf.get',
  'invoices.refunds',
  'invoices.regenerateToken',
  'invoices.send',
  'invoices.update',
  'jobs.list',
  'jobs.retry',
  'notes.delete',
  'notes.update',
  'orders.activate',
  'orders.approve',
  'orders.create',
  'orders.deactivate',
  'orders.documents',
  'orders.editPrice',
  'orders.get',
  'orders.labels',
  'orders.labels.delete',
  'orders.list',
  'orders.notes',
  'orders.notes.list',
  'orders.paymentMethod',
  'orders.status',
  'orders.update',
  'outbox.get',
  'outbox.list',
  'payments.list',
  'products.create',
  'products.get',
  'products.list',
  'products.update',
  'public.invoices.get',
  'reports.aging.get',
  'reports.commissions.get',
  'reports.mrr.get',
  'reports.resellers.get',
  'reports.revenue.get',
  'reports.tax.get',
  'resellers.apiKeys',
  'resellers.apiKeys.delete',
  'resellers.apiKeys.list',
  'resellers.create',
  'resellers.get',
  'resellers.list',
  'resellers.payouts',
  'resellers.update',
  'services.changePlan',
  'services.list',
  'services.markProvisioned',
  'services.seats',
  'settings.automation.get',
  'settings.automation.update',
  'settings.billing.get',
  'settings.billing.update',
  'settings.communication.get',
  'settings.communication.update',
  'settings.company.get',
  'settings.company.update',
  'settings.payments.get',
  'settings.payments.update',
  'settings.security.get',
  'settings.security.update',
  'staff.create',
  'staff.list',
  'staff.update',
  'transactions.list',
  'usage.batch',
  'usage.create',
  'usage.list',
  'users.disabled',
  'workflows.run',
];
