import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { ZodError } from 'zod';
import type { Database } from '@/db';
import { requirePermission, type Actor } from '../auth/actor';
import type { Permission, Role } from '../auth/permissions';
import { AppError, fieldErrors, type AppErrorCode, type FieldErrors } from '../errors';
import { refuseUnstorableText } from '../http/storable-text';
import { reportUnexpected } from '../http/unexpected-error';
import type { ServiceContext } from '../services/context';

/** `origin`: this server as the browser reaches it, for links sent to customers. */
export type TRPCContext = { db: Database; actor: Actor | null; origin: string };

const trpcCode: Record<AppErrorCode, TRPCError['code']> = {
  validation: 'BAD_REQUEST',
  not_found: 'NOT_FOUND',
  forbidden: 'FORBIDDEN',
  unauthorized: 'UNAUTHORIZED',
  conflict: 'CONFLICT',
  invalid_state: 'CONFLICT',
  idempotency_mismatch: 'CONFLICT',
  payment_failed: 'PAYMENT_REQUIRED',
  rate_limited: 'TOO_MANY_REQUESTS',
  not_implemented: 'NOT_IMPLEMENTED',
};

// Errors mapErrors already made safe, so the formatter does not log them a second time.
const redacted = new WeakSet<TRPCError>();

/** An error no rule anticipated: logged under a reference, answered without its own words (SQL, paths). */
function unexpected(where: string, error: TRPCError): TRPCError {
  const safe = new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: reportUnexpected(where, error.cause ?? error).message });
  redacted.add(safe);
  return safe;
}

const t = initTRPC.context<TRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error, path }) {
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      // Redacted by mapErrors already, or a failure outside any procedure (context, routing).
      const message = redacted.has(error) ? error.message : reportUnexpected(`tRPC ${path ?? '(no procedure)'}`, error.cause ?? error).message;
      return { ...shape, message, data: { ...shape.data, stack: undefined, appCode: undefined, fields: undefined } };
    }
    const cause = error.cause;
    let fields: FieldErrors | undefined;
    let appCode: AppErrorCode | undefined;
    if (cause instanceof ZodError) {
      fields = fieldErrors(cause.issues);
      appCode = 'validation';
    } else if (cause instanceof AppError) {
      fields = cause.fields;
      appCode = cause.code;
    }
    return { ...shape, data: { ...shape.data, appCode, fields } };
  },
});

/**
 * The one place the console transport translates errors: AppError to its tRPC code, a zod
 * error to BAD_REQUEST, both with their own message and fields; anything else becomes a
 * generic answer carrying the reference of its log line.
 */
const mapErrors = t.middleware(async ({ next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const { error } = result;
  const cause = error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: trpcCode[cause.code], message: cause.message, cause });
  if (cause instanceof ZodError) throw new TRPCError({ code: 'BAD_REQUEST', message: error.message, cause });
  if (error.code === 'INTERNAL_SERVER_ERROR') throw unexpected(`tRPC ${path}`, error);
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
/** Text PostgreSQL cannot store is a BAD_REQUEST naming the field, before any procedure runs. */
const storableInput = t.middleware(async ({ next, getRawInput }) => {
  refuseUnstorableText(await getRawInput());
  return next();
});

export const publicProcedure = t.procedure.use(mapErrors).use(storableInput);

/** Signed in; `ctx.service` is what every use case takes. */
export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first' });
  const service: ServiceContext = { db: ctx.db, actor: ctx.actor, now: new Date() };
  return next({ ctx: { ...ctx, actor: ctx.actor, service } });
});

const roleProcedure = (allowed: readonly Role[]) =>
  authedProcedure.use(({ ctx, next }) => {
    if (!allowed.includes(ctx.actor.role)) throw new TRPCError({ code: 'FORBIDDEN', message: 'Not allowed for your role' });
    return next();
  });

/** The admin console's people: admins and staff. */
export const consoleProcedure = roleProcedure(['admin', 'staff']);
/** Those who work a book of customers: the console's people and resellers (limited to their book by the services). */
export const bookProcedure = roleProcedure(['admin', 'staff', 'reseller']);
/** Clients only: the portal's self-service, where the desk has its own procedures. */
export const clientProcedure = roleProcedure(['client']);
/** Admins only (settings, users, keys). */
export const adminProcedure = roleProcedure(['admin']);

/** Anyone holding the permission; resellers pass too, limited to their scope by the services. */
export const permissionProcedure = (permission: Permission) =>
  authedProcedure.use(({ ctx, next }) => {
    requirePermission(ctx.actor, permission);
    return next();
  });
