import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '@/db';
import { apiKeys, users } from '@/db/schema';
import { apiKeyActor, requirePermission, type Actor } from '@/server/auth/actor';
import { type Permission, type Role } from '@/server/auth/permissions';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';

export const hashApiKey = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * Resolves a presented key to its actor, or null for an unknown or revoked key, or one whose
 * person is disabled: a key acts for its reseller, or for the user who made it, and stops with
 * them (a bootstrap key, made by nobody, stops only when revoked).
 */
export async function authenticateApiKey(db: Database, key: string, ip?: string): Promise<Actor | null> {
  const ownerDisabled = sql`exists (select 1 from ${users} where ${users.id} in (${apiKeys.resellerId}, ${apiKeys.createdById}) and ${users.disabled})`;
  // A reseller's key holds the flags the admin grants the reseller now, not a copy from when it was made.
  const resellerFlags = sql<string[] | null>`(select ${users.permissions} from ${users} where ${users.id} = ${apiKeys.resellerId})`;
  const [row] = await db
    .select({ key: apiKeys, resellerFlags })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt), sql`not ${ownerDisabled}`));
  if (!row) return null;
  const permissions = row.key.role === 'reseller' ? (row.resellerFlags ?? []) : row.key.permissions;
  return apiKeyActor({ ...row.key, permissions, ip });
}

/** Creates a key and returns its secret, which is shown once and never stored. */
export async function createApiKey(
  ctx: ServiceContext,
  input: { name: string; role: Role; permissions?: Permission[]; resellerId?: string | null; secret?: string },
): Promise<{ id: string; key: string }> {
  requirePermission(ctx.actor, 'settings.manage');
  return insertApiKey(ctx, input);
}

/**
 * Inserts a key and its audit row, checking nothing: only for callers that decided who may
 * (createApiKey above; a reseller issuing its own key in resellers/issue-api-key.ts).
 */
export async function insertApiKey(
  ctx: ServiceContext,
  input: { name: string; role: Role; permissions?: Permission[]; resellerId?: string | null; secret?: string },
): Promise<{ id: string; key: string }> {
  const key = input.secret ?? `cd_${randomBytes(24).toString('base64url')}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: key.slice(0, 8),
        keyHash: hashApiKey(key),
        role: input.role,
        permissions: input.permissions ?? [],
        resellerId: input.resellerId ?? null,
        createdById: ctx.actor.type === 'user' ? ctx.actor.id : null,
        createdAt: ctx.now,
      })
      .returning({ id: apiKeys.id });
    await audit(tx, ctx.actor, 'api_key.created', { type: 'api_key', id: row!.id }, { after: { name: input.name, role: input.role, prefix: key.slice(0, 8) } });
    return { id: row!.id, key };
  });
}

/** CASHDESK_BOOTSTRAP_API_KEY: an admin key with that value, made only while no key exists. */
export async function bootstrapApiKey(ctx: ServiceContext, secret: string): Promise<boolean> {
  const [existing] = await ctx.db.select({ id: apiKeys.id }).from(apiKeys).limit(1);
  if (existing) return false;
  await createApiKey(ctx, { name: 'bootstrap', role: 'admin', secret });
  return true;
}
