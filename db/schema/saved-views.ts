import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { createdAt, id, updatedAt } from './columns';

/**
 * A person's named filter set on one console list: the list's URL query without its page
 * cursor, checked by the list's own filters when saved. Gone with the person.
 */
export const savedViews = pgTable(
  'saved_views',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    list: text('list').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  // "Overdue" and "overdue" side by side would be two chips no one can tell apart; the index is
  // also the order a person's chips are listed in.
  (t) => [uniqueIndex('saved_views_user_list_name_uq').on(t.userId, t.list, sql`lower(${t.name})`)],
);
