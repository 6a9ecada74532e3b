import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { refuseUnstorableText } from './storable-text';

function refusal(input: unknown) {
  try {
    refuseUnstorableText(input);
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fields: error.fields };
    throw error;
  }
  return null;
}

describe('text PostgreSQL cannot store', () => {
  it('passes any well-formed text, emoji and right-to-left marks included', () => {
    expect(refusal({ name: '😀👨‍👩‍👧 שלום \u202E', lines: [{ description: 'x'.repeat(100_000) }], n: 1, at: new Date(0), big: 1n })).toBeNull();
  });

  it('names each field holding a NUL or a lone surrogate, in keys and nested arrays too', () => {
    expect(refusal({ name: 'a\u0000b', items: [{ description: 'ok' }, { description: '\uD800' }], ['k\uDC00']: 1 })).toEqual({
      code: 'validation',
      fields: { name: expect.any(String), 'items.1.description': expect.any(String), 'k\uDC00': expect.any(String) },
    });
    expect(refusal('\u0000')).toMatchObject({ fields: { _: expect.any(String) } });
  });

  it('walks a body nested deeper than the call stack', () => {
    let deep: unknown = '\u0000';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(refusal(deep)).toMatchObject({ code: 'validation' });
  });
});
