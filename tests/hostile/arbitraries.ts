import fc from 'fast-check';
import type { z } from 'zod';

/**
 * fast-check inputs derived from the zod schemas the adapters parse with: mostly the shape the
 * schema describes (so requests get past parsing into the services), mixed with what a hostile
 * or broken client sends instead.
 */

/** Ids of records that exist, so half of the id fields reach a real row. */
export type IdPool = readonly string[];

/** JSON carries these; tRPC's caller hands over JS values as they are, so it gets a few more. */
export type Transport = 'json' | 'js';

const hugeString = 'x'.repeat(100_000);

const nastyText = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C',
  'שלום עולם',
  '😀👨‍👩‍👧‍👦🏳️‍🌈',
  '😀'.repeat(2_000),
  '\uD800',
  'Ｆｕｌｌｗｉｄｔｈ',
  "O'Brien'); drop table invoices;--",
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '../../../etc/passwd',
  '%00%ff',
  '\r\nX-Injected: 1',
  hugeString,
];

const nastyNumbers = [0, -0, -1, 0.5, -0.001, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, 1e21, -1e21, Number.MAX_VALUE, Number.MIN_VALUE];

const nastyNumericStrings = ['-1', '0', '1e400', '1e-7', 'NaN', 'Infinity', '0x10', '12.3456', '9'.repeat(40), ' 5', '5 ', '١٢٣'];

const garbageIds = [
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '123e4567-e89b-12d3-a456-42661417400',
  '123e4567-e89b-12d3-a456-4266141740000',
  'not-a-uuid',
  "' or 1=1 --",
  '../..',
  '%2e%2e%2f',
];

const protoPollution = () => JSON.parse('{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}}') as unknown;

function nestedArrays(depth: number): unknown {
  let value: unknown = 'deep';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A value of a wrong type, size or content, whatever the schema expects. */
export function hostileValue(transport: Transport): fc.Arbitrary<unknown> {
  const json: Array<fc.Arbitrary<unknown>> = [
    fc.constantFrom<unknown>(null, true, false, [], {}, [null], nestedArrays(200)),
    fc.constantFrom(...nastyText),
    fc.constantFrom(...nastyNumbers),
    fc.constantFrom(...nastyNumericStrings),
    fc.constantFrom(...garbageIds),
    fc.constant(null).map(protoPollution),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 40 }),
  ];
  if (transport === 'js') {
    json.push(
      fc.constantFrom<unknown>(
        undefined,
        Number.NaN,
        Number.POSITIVE_INFINITY,
        -1n,
        10n ** 30n,
        new Date('invalid'),
        new Date(8.64e15),
        new Map(),
        Symbol('s'),
      ),
    );
  }
  return fc.oneof(...json);
}

/** Cursors this API never handed out: base64url JSON of wrong times, wrong ids, wrong shapes. */
const badCursor: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(
        '2027-02-30T00:00:00.000Z',
        '0000-01-01T00:00:00.000Z',
        '9999-12-31T23:59:59.999Z',
        '275760-09-13T00:00:00.000Z',
        'yesterday',
        '2027-01-31',
      ),
      fc.oneof(fc.uuid(), fc.constantFrom(...garbageIds)),
    )
    .map((pair) => Buffer.from(JSON.stringify(pair)).toString('base64url')),
  fc.jsonValue({ maxDepth: 2 }).map((value) => Buffer.from(JSON.stringify(value) ?? '').toString('base64url')),
  fc.constantFrom('!!!', '====', 'a', hugeString, '\u0000', Buffer.from('[1,2]').toString('base64url')),
);

const currencies = ['USD', 'EUR', 'usd', ' eur ', 'JPY', 'KWD', 'XXQ', 'US', 'DOLLARS'];

type Def = { type: string; [key: string]: unknown };
type Bag = { minimum?: number; maximum?: number; minLength?: number; maxLength?: number; patterns?: Set<RegExp>; format?: string };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const bagOf = (schema: z.ZodType): Bag => (schema as unknown as { _zod: { bag?: Bag } })._zod.bag ?? {};

type Options = { ids: IdPool; transport: Transport; hostility: number };

/** Keys that ask for a particular kind of text the schema only checks with a refine. */
function byKeyName(key: string): fc.Arbitrary<unknown> | null {
  if (key === 'cursor') return badCursor;
  if (key === 'currency') return fc.constantFrom(...currencies);
  if (key === 'country') return fc.constantFrom('US', 'DE', 'de', 'XX', 'USA');
  if (key === 'tax_rate') return fc.constantFrom('0', '20', '19.5', '7.125', '-1', '100.0001', '1e3');
  if (key.endsWith('date') || key.endsWith('_at') || key === 'until' || key === 'from' || key === 'to') {
    return fc.oneof(
      fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
      fc.constantFrom('2027-02-30', '2027-13-01', '0000-01-01', '0001-01-01', '9999-12-31', '+275760-09-13', '2027-01-31T25:00:00Z'),
    );
  }
  return null;
}

function stringArbitrary(schema: z.ZodType, def: Def, key: string, options: Options): fc.Arbitrary<unknown> {
  const bag = bagOf(schema);
  const format = (def.format as string | undefined) ?? bag.format;
  if (format === 'uuid' || format === 'guid') {
    // Clean inputs mostly name real records, so they get past the lookups into the use case's rules.
    const real = options.ids.length > 0 ? [{ weight: options.hostility === 0 ? 3 : 1, arbitrary: fc.constantFrom(...options.ids) }] : [];
    return fc.oneof(...real, { weight: 1, arbitrary: fc.oneof(fc.uuid(), fc.constantFrom(...garbageIds)) });
  }
  if (format === 'email') return fc.oneof(fc.emailAddress(), fc.constantFrom('a@b', '@x.test', 'ü@例え.テスト', `${'a'.repeat(300)}@x.test`));
  if (format === 'url') return fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'http://127.0.0.1:22/', 'http://[::1]/', 'file:///etc/passwd'));
  if (format === 'datetime' || format === 'date') {
    const edges = ['0000-01-01', '0001-01-01', '0099-12-31', '1000-01-01', '9999-12-31', '1969-12-31'];
    return fc
      .oneof(
        { weight: 3, arbitrary: fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()) },
        { weight: 1, arbitrary: fc.constantFrom(...edges).map((day) => `${day}T00:00:00Z`) },
        { weight: 1, arbitrary: fc.constantFrom('9999-12-31T23:00:00-05:00', '2027-01-31T10:00:00+14:00', '2027-01-31T10:00:00.123456789Z') },
      )
      .map((instant) => (format === 'date' ? instant.slice(0, 10) : instant));
  }
  const named = byKeyName(key);
  if (named) return named;
  const pattern = bag.patterns ? [...bag.patterns][0] : undefined;
  if (pattern) return fc.stringMatching(pattern).filter((s) => s.length <= 1000);
  const minLength = Math.min(bag.minLength ?? 0, 50);
  const maxLength = Math.min(bag.maxLength ?? 40, 40);
  const fitting = nastyText.filter((text) => text.length >= minLength && text.length <= (bag.maxLength ?? Infinity));
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, maxLength) }) },
    ...(fitting.length > 0 ? [{ weight: 1, arbitrary: fc.constantFrom(...fitting) }] : []),
  );
}

function numberArbitrary(schema: z.ZodType): fc.Arbitrary<unknown> {
  const bag = bagOf(schema);
  // zod sets a format ('safeint', 'int32', …) on .int() and its kin.
  const integer = bag.format !== undefined;
  const min = Math.max(bag.minimum ?? -1_000, -1_000_000_000);
  const max = Math.min(bag.maximum ?? 1_000_000, 1_000_000_000);
  const inRange =
    integer || Number.isInteger(min) ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.max(min, max)) }) : fc.double({ min, max, noNaN: true });
  return fc.oneof({ weight: 4, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min, max, 0, 1) });
}

/** Values for a schema (its input side); `hostility` is the weight of a hostile value at each node. */
export function fromSchema(schema: z.ZodType, options: Options, key = ''): fc.Arbitrary<unknown> {
  const shaped = shapedValue(schema, options, key);
  if (options.hostility === 0) return shaped;
  return fc.oneof({ weight: 4, arbitrary: shaped }, { weight: options.hostility, arbitrary: hostileValue(options.transport) });
}

function shapedValue(schema: z.ZodType, options: Options, key: string): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (name: string) => def[name] as z.ZodType;
  switch (def.type) {
    case 'object':
      return objectArbitrary(def.shape as Record<string, z.ZodType>, options);
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: fromSchema(inner('innerType'), options, key) });
    case 'nullable':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: fromSchema(inner('innerType'), options, key) });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return fromSchema(inner('innerType'), options, key);
    case 'pipe': {
      const input = inner('in');
      return fromSchema(defOf(input).type === 'transform' ? inner('out') : input, options, key);
    }
    case 'lazy':
      return fromSchema((def.getter as () => z.ZodType)(), options, key);
    case 'string':
      return stringArbitrary(schema, def, key, options);
    case 'number':
      return byKeyName(key) ?? numberArbitrary(schema);
    case 'bigint':
      return fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string | number>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'array': {
      const bag = bagOf(schema);
      const maxLength = Math.min(bag.maximum ?? 3, 3);
      return fc.array(fromSchema(inner('element'), options, key), { minLength: Math.min(bag.minimum ?? 0, maxLength), maxLength });
    }
    case 'union':
      return fc.oneof(...(def.options as z.ZodType[]).map((option) => fromSchema(option, options, key)));
    case 'intersection':
      return fromSchema(inner('left'), options, key);
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 10 }), fromSchema(inner('valueType'), options, key), { maxKeys: 3 });
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function objectArbitrary(shape: Record<string, z.ZodType>, options: Options): fc.Arbitrary<unknown> {
  const keys = Object.keys(shape);
  const fields = Object.fromEntries(keys.map((key) => [key, fromSchema(shape[key]!, options, key)]));
  const whole = fc.record(fields, { requiredKeys: keys.filter((key) => !isOptional(shape[key]!)) });
  if (options.hostility === 0 || keys.length === 0) return whole;
  return fc.oneof(
    { weight: 4, arbitrary: whole },
    // A required field left out, or a field the schema does not have.
    { weight: 1, arbitrary: fc.tuple(whole, fc.constantFrom(...keys)).map(([value, drop]) => withoutKey(value, drop)) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(whole, fc.string({ minLength: 1, maxLength: 12 }), hostileValue(options.transport))
        .map(([value, extra, v]) => ({ ...(value as object), [extra]: v })),
    },
  );
}

function withoutKey(value: unknown, key: string): unknown {
  const copy = { ...(value as Record<string, unknown>) };
  delete copy[key];
  return copy;
}

function isOptional(schema: z.ZodType): boolean {
  return (schema as unknown as { _zod: { optin?: string } })._zod.optin === 'optional';
}
