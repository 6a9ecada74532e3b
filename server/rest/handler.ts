import type { z } from 'zod';
import { requirePermission } from '../auth/actor';
import type { Permission } from '../auth/permissions';
import { apiKeyContext, visitorContext } from '../context';
import { database } from '../db';
import { publicOrigin } from '../env';
import { AppError, parseOrThrow } from '../errors';
import { refuseUnstorableText } from '../http/storable-text';
import type { ServiceContext } from '../services/context';
import { errorResponse, toErrorResponse } from './http-errors';
import { onceForKey, requestHash } from './idempotency';

const maxBodyBytes = 1024 * 1024;

type Schema = z.ZodType;
type Infer<S> = S extends z.ZodType ? z.output<S> : undefined;

/** One REST operation: what it accepts and returns (also the source of openapi.json) and what it does. */
export type RouteSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined> = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tag: string;
  permission?: Permission;
  params?: P;
  query?: Q;
  body?: B;
  response: Schema;
  status?: number;
  /** 'none': a public endpoint; the caller is anonymous and the service decides what it sees. */
  auth?: 'api_key' | 'none';
  /** Served as something other than JSON (e.g. CSV, PDF), described in the summary. */
  raw?: boolean;
};

export type RouteArgs<P, Q, B> = {
  ctx: ServiceContext;
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
  /** The configured public origin (CASHDESK_PUBLIC_URL), for absolute links. */
  origin: string;
};

type NextRouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

function parse<S extends Schema | undefined>(schema: S, value: unknown): Infer<S> {
  if (!schema) return undefined as Infer<S>;
  const data = parseOrThrow(schema, value);
  refuseUnstorableText(value);
  return data as Infer<S>;
}

async function readJsonBody(request: Request): Promise<unknown> {
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBodyBytes) throw new PayloadTooLarge();
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBodyBytes) throw new PayloadTooLarge();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('validation', 'The body is not valid JSON', { _: 'must be a JSON object' });
  }
}

class PayloadTooLarge extends Error {}

const isPreview = (body: unknown) => typeof body === 'object' && body !== null && 'preview' in body && body.preview === true;

/**
 * Turns a route spec and a use-case call into a Next.js route handler: authentication,
 * permission, input parsing, Idempotency-Key and the error format of the API contract.
 */
export function defineRoute<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  spec: RouteSpec<P, Q, B>,
  run: (args: RouteArgs<P, Q, B>) => Promise<unknown>,
): { spec: RouteSpec<Schema | undefined, Schema | undefined, Schema | undefined>; handler: RouteHandler } {
  return { spec, handler: restHandler(spec, run) };
}

export type RouteHandler = (request: Request, route: NextRouteContext) => Promise<Response>;

function restHandler<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined>(
  spec: RouteSpec<P, Q, B>,
  run: (args: RouteArgs<P, Q, B>) => Promise<unknown>,
): RouteHandler {
  return async function handle(request: Request, route: NextRouteContext): Promise<Response> {
    try {
      const db = await database();
      const caller = spec.auth === 'none' ? await visitorContext(request.headers) : await apiKeyContext(db, request.headers, new Date());
      const { actor, now } = caller;
      if (spec.permission) requirePermission(actor, spec.permission);
      const params = parse(spec.params as P, await route.params);
      const query = parse(spec.query as Q, Object.fromEntries(new URL(request.url).searchParams));
      const rawBody = spec.body ? await readJsonBody(request) : undefined;
      const body = parse(spec.body as B, rawBody);
      // A preview (API.md, "Previews") creates nothing, so it is never a 201.
      const status = isPreview(body) ? 200 : (spec.status ?? 200);
      const origin = publicOrigin();
      const call = async (dbOrTx: typeof db) => ({
        status,
        body: await run({ ctx: { ...caller, db: dbOrTx }, params, query, body, origin }),
      });

      const key = request.headers.get('idempotency-key');
      if (spec.method === 'POST' && key) {
        const path = new URL(request.url).pathname;
        const result = await onceForKey(db, { principal: `${actor.type}:${actor.id}`, key, hash: requestHash(spec.method, path, rawBody), now }, call);
        return Response.json(result.body, {
          status: result.status,
          headers: result.replayed ? { 'Idempotent-Replayed': 'true' } : {},
        });
      }
      const result = await call(db);
      if (result.body instanceof Response) return result.body;
      return Response.json(result.body, { status: result.status });
    } catch (error) {
      if (error instanceof PayloadTooLarge) return errorResponse(413, 'payload_too_large', 'The body is over 1 MB');
      return toErrorResponse(error);
    }
  };
}
