/**
 * A fixed-window counter per key, in process memory: enough to slow down token guessing on
 * public pages of a single-process install. Several instances behind a balancer each count
 * on their own, which only loosens the limit by their number.
 */
export function createRateLimiter(options: { limit: number; windowMs: number; maxKeys?: number }) {
  const windows = new Map<string, { start: number; count: number }>();
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    /** Whether the key has used up its allowance in the current window. */
    isLimited(key: string, now = Date.now()): boolean {
      const window = windows.get(key);
      return window !== undefined && now - window.start < options.windowMs && window.count >= options.limit;
    },
    /** Counts one strike against the key. */
    hit(key: string, now = Date.now()): void {
      const window = windows.get(key);
      if (!window || now - window.start >= options.windowMs) {
        if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!);
        windows.set(key, { start: now, count: 1 });
      } else {
        window.count++;
      }
    },
  };
}
