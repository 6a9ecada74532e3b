import { describe, expect, it } from 'vitest';
import { ByteCache } from './byte-cache';

const bytes = (size: number, fill = 1) => new Uint8Array(size).fill(fill);

describe('ByteCache', () => {
  it('returns what it stored and counts its bytes', () => {
    const cache = new ByteCache(100);
    cache.set('a', bytes(10));
    cache.set('b', bytes(20));
    expect(cache.get('a')).toEqual(bytes(10));
    expect(cache.get('missing')).toBeUndefined();
    expect({ bytes: cache.bytes, count: cache.count }).toEqual({ bytes: 30, count: 2 });
  });

  it('evicts the least recently used entries once over budget', () => {
    const cache = new ByteCache(100);
    cache.set('a', bytes(25));
    cache.set('b', bytes(25));
    cache.set('c', bytes(25));
    cache.get('a'); // a is now the most recently used
    cache.set('d', bytes(25));
    cache.set('e', bytes(25));
    expect(cache.get('b')).toBeUndefined();
    expect(['a', 'c', 'd', 'e'].map((k) => cache.get(k) !== undefined)).toEqual([true, true, true, true]);
    expect(cache.bytes).toBe(100);
  });

  it('replaces a key without counting it twice', () => {
    const cache = new ByteCache(100);
    cache.set('a', bytes(20, 1));
    cache.set('a', bytes(10, 2));
    expect(cache.get('a')).toEqual(bytes(10, 2));
    expect({ bytes: cache.bytes, count: cache.count }).toEqual({ bytes: 10, count: 1 });
  });

  it('does not let one huge entry flush everything else', () => {
    const cache = new ByteCache(100);
    cache.set('a', bytes(20));
    cache.set('huge', bytes(26));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
  });

  it('never holds more than its budget, whatever is stored', () => {
    const cache = new ByteCache(1000);
    for (let i = 0; i < 500; i++) {
      cache.set(`k${i % 37}`, bytes((i * 7919) % 250));
      expect(cache.bytes).toBeLessThanOrEqual(1000);
    }
  });
});
