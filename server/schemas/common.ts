import { z } from 'zod';
import { isCurrency } from '../billing/currency';

/** Form fields arrive as "" when left empty; optional text treats that as absent. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().max(max).optional());

export const requiredText = (max: number) => z.string({ error: 'is required' }).trim().min(1, 'is required').max(max, `must be at most ${max} characters`);

export const currencyCode = z.string().trim().toUpperCase().refine(isCurrency, 'must be an ISO 4217 currency code, like USD');

export const id = z.uuid({ error: 'must be an id' });

/**
 * A percent from 0 to 100 with at most three decimals, spelled as settings' `tax_rate` is ("7.5");
 * a number is taken as its decimal text.
 */
export const percentText = z
  .union([z.number(), z.string()], { error: 'must be a percent like 7.5' })
  .transform(String)
  .pipe(
    z
      .string()
      .trim()
      .regex(/^\d{1,3}(\.\d{1,3})?$/, 'must be a percent with at most 3 decimals'),
  )
  .refine((rate) => Number(rate) <= 100, 'must be between 0 and 100');

/**
 * A moment with its offset, in the years 1000–9999 UTC: PostgreSQL has no year 0 and refuses the
 * '+010000-…' JavaScript writes past 9999, and the driver reads a year below 100 back as 19xx or 20xx.
 */
export const isoInstant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' }).refine((value) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1000 && year <= 9999;
}, 'must be between the years 1000 and 9999');

/** A yes/no query parameter, spelled `true` or `false` in the API's URLs (a boolean from the console). */
export const booleanParam = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')], { error: 'must be true or false' });

export const isUuid = (value: string) => id.safeParse(value).success;

export const listInput = z.object({
  limit: z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be between 1 and 200')
    .max(200, 'must be between 1 and 200')
    .default(50),
  cursor: optionalText(500),
});

/**
 * A list's `sort`: one of its keys for ascending, `-key` for descending (Stripe's spelling). Absent,
 * a list is newest first. The service reads it with `sortedBy` (server/services/pagination.ts).
 */
export const sortParam = <const K extends string>(keys: readonly K[]) =>
  z.enum([...keys, ...keys.map((key) => `-${key}` as const)] as [K | `-${K}`, ...Array<K | `-${K}`>], {
    error: `must be one of ${keys.join(', ')}, each ascending or after "-" descending`,
  });

type CamelCase<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `T` with every object key, at any depth (arrays included), spelled in camelCase. */
export type Camelized<T> = T extends readonly (infer Item)[]
  ? Camelized<Item>[]
  : T extends Date
    ? T
    : T extends object
      ? { [K in keyof T as K extends string ? CamelCase<K> : K]: Camelized<T[K]> }
      : T;

const camelKey = (key: string) => key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && [Object.prototype, null].includes(Object.getPrototypeOf(value));

function camelKeys<T>(value: T): Camelized<T> {
  if (Array.isArray(value)) return value.map(camelKeys) as Camelized<T>;
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [camelKey(key), camelKeys(item)])) as Camelized<T>;
  return value as Camelized<T>;
}

/**
 * The one place wire input becomes domain input: the API and the tRPC wire speak snake_case
 * (the schema as given, which forms, OpenAPI and clients see), services take what this outputs,
 * the same fields in camelCase. Use it where a schema becomes a procedure's or route's input;
 * keep the plain schema for `.extend`/`.shape` and forms. Settings blocks are not camelized:
 * they are stored as the snake_case documents the API reads and writes, and pass through whole.
 */
export const camelized = <S extends z.ZodType>(schema: S) => schema.transform((value) => camelKeys(value));

/**
 * What a service receives from `camelized(schema)`. The wire's snake_case keys are typed as absent,
 * so handing a service the plain schema's output (`schema.parse(...)`) does not compile.
 */
export type DomainInput<S extends z.ZodType> = Camelized<z.output<S>> & { [K in Extract<keyof z.output<S>, `${string}_${string}`>]?: never };
