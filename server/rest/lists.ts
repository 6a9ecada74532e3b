import { z } from 'zod';

/** The API's list envelope. */
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: z.string().nullable() });
