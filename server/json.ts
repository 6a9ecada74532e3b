/**
 * A value as a JSON column can hold it: bigints (money) become their decimal strings, dates
 * ISO text, undefined null.
 */
export const plainJson = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as unknown;
