import { describe, expect, it } from 'vitest';
import { containsPattern, decodeCursor, encodeCursor, toPage } from './pagination';

describe('keyset cursors', () => {
  it('round-trip the position of the last row to the millisecond', () => {
    const position = { createdAt: new Date('2026-03-01T10:20:30.123Z'), id: '0b5c9e51-2d1d-4c3f-8f59-7c3d9f1a2b3c' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each(['', 'not-base64!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["nope","x"]').toString('base64url')])(
    'reject %j as a validation error',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'validation' }));
    },
  );

  it('give a next cursor only when there is a further row', () => {
    const rows = [1, 2, 3].map((n) => ({ createdAt: new Date(n), id: `id-${n}` }));
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
