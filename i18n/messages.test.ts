import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { namespaces } from './messages';

// The completeness check CI runs: every locale has every key English has, no more, each a
// non-empty text with the same {placeholders}. A missing translation fails here, not in front of
// a customer.

const root = path.join(import.meta.dirname, '..', 'messages');
const read = (locale: string, file: string) => JSON.parse(readFileSync(path.join(root, locale, file), 'utf8')) as unknown;

/** Every leaf as "a.b.c" → text. */
function leaves(value: unknown, prefix = ''): Map<string, unknown> {
  if (typeof value !== 'object' || value === null) return new Map([[prefix, value]]);
  return new Map(Object.entries(value).flatMap(([key, child]) => [...leaves(child, prefix ? `${prefix}.${key}` : key)]));
}

/** The ICU arguments a message uses: {name}, {count, plural, …} → name, count. */
const argumentsOf = (text: string) => [...new Set([...text.matchAll(/\{\s*([A-Za-z_][\w]*)\s*[,}]/g)].map((m) => m[1]))].sort();

const files = readdirSync(path.join(root, 'en')).filter((file) => file.endsWith('.json'));

describe('messages', () => {
  it('loads every namespace file there is, and has a file for every namespace', () => {
    expect(files.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...namespaces].sort());
  });

  describe.each(locales.filter((locale) => locale !== 'en'))('%s', (locale) => {
    it.each(files)('%s has exactly the keys of en, each translated with the same placeholders', (file) => {
      const english = leaves(read('en', file));
      const translated = leaves(read(locale, file));
      expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      for (const [key, text] of translated) {
        expect(typeof text === 'string' && text.trim() !== '', `${locale}/${file} ${key} is empty`).toBe(true);
        expect(argumentsOf(text as string), `${locale}/${file} ${key}`).toEqual(argumentsOf(english.get(key) as string));
      }
    });
  });
});
