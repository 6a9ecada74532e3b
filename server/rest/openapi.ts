import { z } from 'zod';
import { publicOrigin } from '../env';
import type { RouteHandler, RouteSpec } from './handler';
import * as adminSettings from './routes/admin-settings';
import * as billingRuns from './routes/billing-runs';
import * as bookLists from './routes/book-lists';
import * as catalog from './routes/catalog';
import * as commissions from './routes/commissions';
import * as consolidation from './routes/consolidation';
import * as creditNotes from './routes/credit-notes';
import * as customerDesk from './routes/customer-desk';
import * as customers from './routes/customers';
import * as invoiceDesk from './routes/invoice-desk';
import * as invoices from './routes/invoices';
import * as notes from './routes/notes';
import * as orderDesk from './routes/order-desk';
import * as orderDocuments from './routes/order-documents';
import * as orders from './routes/orders';
import * as people from './routes/people';
import * as refunds from './routes/refunds';
import * as reports from './routes/reports';
import * as resellers from './routes/resellers';
import * as settings from './routes/settings';
import * as transactions from './routes/transactions';
import * as usage from './routes/usage';
import * as vouchers from './routes/vouchers';
import * as wallet from './routes/wallet';
import * as webhooks from './routes/webhooks';

type AnySpec = RouteSpec<z.ZodType | undefined, z.ZodType | undefined, z.ZodType | undefined>;
type AnyRoute = { spec: AnySpec; handler: RouteHandler };

const isRoute = (value: unknown): value is AnyRoute => typeof value === 'object' && value !== null && 'spec' in value && 'handler' in value;

/** Every /api/v1 operation with its handler: the one registry the document and the tests read. */
export const restRoutes: AnyRoute[] = [
  settings,
  adminSettings,
  customers,
  customerDesk,
  notes,
  catalog,
  orders,
  orderDesk,
  orderDocuments,
  consolidation,
  refunds,
  creditNotes,
  billingRuns,
  invoices,
  invoiceDesk,
  resellers,
  people,
  transactions,
  bookLists,
  commissions,
  usage,
  wallet,
  vouchers,
  reports,
  webhooks,
].flatMap((module) => Object.values(module).filter(isRoute));

/** Every /api/v1 operation; the same specs that serve the routes describe them here. */
export const routes: AnySpec[] = restRoutes.map((route) => route.spec);

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string(), z.string()).optional(),
  }),
});

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') => z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

const errorResponses = {
  400: 'Invalid input; `fields` maps each bad field to a message',
  401: 'Missing or invalid API key',
  403: 'The key lacks the permission',
  404: 'Not found, or outside the key’s scope',
  409: 'Conflict, invalid state or idempotency mismatch',
};

const camel = (segment: string) => segment.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
const isParam = (segment: string) => segment.startsWith('{');
// Rows in `data` make a list; a report is one computed document even when it carries rows.
const isList = (spec: Pick<AnySpec, 'path' | 'response'>) =>
  !spec.path.startsWith('/reports/') && spec.response instanceof z.ZodObject && spec.response.shape.data instanceof z.ZodArray;

/**
 * The operationId, derived from the method, the (frozen) path and whether it answers rows, so it
 * stays the same as long as the contract does: integrators' generated clients name their methods
 * after it. The path's words name the resource; a record (`/{id}`) is got, updated (PATCH or PUT)
 * or deleted; rows are listed (a GET answering `data`), anything else is got; a top-level
 * collection is created (POST); any other POST is the action its last word names
 * (`invoices.markPaid`, `invoices.payments`).
 */
export function operationId(spec: Pick<AnySpec, 'method' | 'path' | 'response'>): string {
  const segments = spec.path.split('/').filter(Boolean);
  const words = segments.filter((segment) => !isParam(segment)).map(camel);
  const last = segments.at(-1) ?? '';
  const topLevel = segments.length === 1;
  const verb = (() => {
    if (spec.method === 'PATCH' || spec.method === 'PUT') return 'update';
    if (spec.method === 'DELETE') return 'delete';
    if (spec.method === 'GET') return !isParam(last) && isList(spec) ? 'list' : 'get';
    return isParam(last) || topLevel ? 'create' : undefined;
  })();
  return [...words, ...(verb ? [verb] : [])].join('.');
}

function parameters(spec: AnySpec) {
  const list: object[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const json = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      list.push({ name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property });
    }
  }
  if (spec.method === 'POST') {
    list.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Repeats with the same key and body within 24 h return the first response without acting again',
      schema: { type: 'string', maxLength: 255 },
    });
  }
  return list;
}

export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const spec of routes) {
    const operation = {
      operationId: operationId(spec),
      tags: [spec.tag],
      summary: spec.summary,
      ...(spec.permission ? { description: `Requires the \`${spec.permission}\` permission.` } : {}),
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body, 'input') } } } } : {}),
      ...(spec.auth === 'none' ? { security: [] } : {}),
      responses: {
        [spec.status ?? 200]: spec.raw
          ? { description: 'Success' }
          : { description: 'Success', content: { 'application/json': { schema: jsonSchema(spec.response, 'output') } } },
        ...Object.fromEntries(
          Object.entries(errorResponses).map(([status, description]) => [
            status,
            { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          ]),
        ),
      },
    };
    paths[`/api/v1${spec.path}`] = { ...paths[`/api/v1${spec.path}`], [spec.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Cashdesk API',
      version: '1',
      description: 'Orders, invoices and recurring billing. Money is in minor units.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: publicOrigin(), description: 'This installation (CASHDESK_PUBLIC_URL)' }],
    security: [{ apiKey: [] }],
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from the console' } },
      schemas: { Error: jsonSchema(errorSchema, 'output') },
    },
    paths,
  };
}
