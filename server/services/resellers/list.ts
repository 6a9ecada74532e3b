import { and, desc, eq, ilike, or } from 'drizzle-orm';
import { resellers, users } from '@/db/schema';
import type { ListResellersInput } from '@/server/schemas/resellers';
import type { ServiceContext } from '@/server/services/context';
import { afterCursor, containsPattern, decodeCursor, toPage } from '@/server/services/pagination';
import { managedResellers } from './reach';
import { asReseller, resellersWithProfile, type ResellerView } from './store';

/** The resellers the actor manages (a reseller: its sub-resellers), newest first, optionally only one parent's, or matching a name or e-mail (case-insensitive). */
export async function listResellers(ctx: ServiceContext, input: ListResellersInput): Promise<{ items: ResellerView[]; nextCursor: string | null }> {
  const reach = managedResellers(ctx.actor);
  const pattern = input.q ? containsPattern(input.q) : undefined;
  const rows = await resellersWithProfile(ctx.db)
    .where(
      and(
        eq(users.role, 'reseller'),
        reach,
        input.parentId ? eq(resellers.parentId, input.parentId) : undefined,
        pattern ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
        input.cursor ? afterCursor(users, decodeCursor(input.cursor)) : undefined,
      ),
    )
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(input.limit + 1);
  return toPage(rows.map(asReseller), input.limit);
}
