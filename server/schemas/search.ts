import { z } from 'zod';

/** The console's search palette (⌘K): what was typed, at least two characters. */
export const searchInput = z.object({
  q: z.string().trim().min(2, 'must be at least 2 characters').max(100, 'must be at most 100 characters'),
});
export type SearchInput = z.output<typeof searchInput>;
