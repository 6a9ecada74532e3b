import { describe, expect, it } from 'vitest';
import { containsPattern, decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset cursors', () => {
  it('round-trip the position of the last row to the millisecond', () => {
    const position = { createdAt: new Date('2026-03-01T10:20:30.123Z'), id: '0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3c' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  const id = '0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3c';
  const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  it.each([
    ['empty', ''],
    ['not base64', 'not-base64!'],
    ['numbers', cursorOf([1, 2])],
    ['not a date', cursorOf(['nope', id])],
    // The next five passed the old check and failed inside PostgreSQL as a 500.
    ['not a uuid', cursorOf(['2026-03-01T10:20:30.123Z', 'nope'])],
    ['a year PostgreSQL refuses', cursorOf(['0000-01-01T00:00:00.000Z', id])],
    ['beyond year 9999', cursorOf(['+275760-09-13T00:00:00.000Z', id])],
    ['a date JavaScript reads loosely', cursorOf(['1', id])],
    ['an impossible day', cursorOf(['2026-02-30T00:00:00.000Z', id])],
    ['a third element', cursorOf(['2026-03-01T10:20:30.123Z', id, 'x'])],
    ['an object', cursorOf({ createdAt: '2026-03-01T10:20:30.123Z', id })],
    ['truncated', encodeCursor({ createdAt: new Date('2026-03-01T10:20:30.123Z'), id }).slice(0, -6)],
    ['huge', 'A'.repeat(100_000)],
  ])('reject %s as a validation error on the cursor field', (_, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'validation', fields: { cursor: 'is not a cursor this API returned' } }));
  });

  it('give a next cursor only when there is a further row', () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(n), id: `0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3${n}` }));
    expect(toPage(rows, 3).nextCursor).toBeNull();
    const page = toPage(rows, 2);
    expect(page.items).toHaveLength(2);
    expect(decodeCursor(page.nextCursor!)).toEqual(rows[1]);
  });
});

describe('contains-search patterns', () => {
  it.each([
    ['ada', '%ada%'],
    ['50%', '%50\\%%'],
    ['a_b', '%a\\_b%'],
    ['back\\slash', '%back\\\\slash%'],
  ])('%s → %s', (text, pattern) => {
    expect(containsPattern(text)).toBe(pattern);
  });
});
