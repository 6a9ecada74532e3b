import { z } from 'zod';
import type { auditLog } from '../../../db/schema';
import { camelized, id, listInput } from '../../schemas/common';
import {
  apiKeyOutput,
  auditEntryOutput,
  auditFilters,
  auditPosition,
  createApiKeyInput,
  createStaffInput,
  staffOutput,
  staffPermissionsInput,
  userDisabledInput,
} from '../../schemas/people';
import { resellerIdInput } from '../../schemas/resellers';
import { listAudit } from '../../services/audit/list';
import { createConsoleApiKey, listApiKeys, revokeApiKey, type ApiKeyListItem } from '../../services/people/manage-api-keys';
import { createStaff, listStaff, setStaffPermissions, setUserDisabled, type StaffMember } from '../../services/people/staff';
import { listResellerApiKeys } from '../../services/resellers/list-api-keys';
import { revokeResellerApiKey } from '../../services/resellers/revoke-api-key';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

// Staff, API keys and the audit log: what Settings → Staff, API keys and Audit log do, admins only
// (settings.manage, which only admin keys hold: a staff key gets the default staff permissions).

const userIdInput = z.object({ id });

const staffJson = (m: StaffMember): z.input<typeof staffOutput> => ({
  id: m.id,
  name: m.name,
  email: m.email,
  role: m.role,
  permissions: m.permissions,
  disabled: m.disabled,
  created_at: m.createdAt.toISOString(),
});

const apiKeyJson = (k: ApiKeyListItem): z.input<typeof apiKeyOutput> => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  role: k.role,
  created_at: k.createdAt.toISOString(),
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

const auditJson = (e: typeof auditLog.$inferSelect): z.input<typeof auditEntryOutput> => ({
  id: String(e.id),
  at: e.at.toISOString(),
  actor_type: e.actorType,
  actor_id: e.actorId,
  actor_label: e.actorLabel,
  action: e.action,
  entity_type: e.entityType,
  entity_id: e.entityId,
  before: e.before,
  after: e.after,
  ip: e.ip,
});

export const listStaffRoute = defineRoute(
  {
    method: 'GET',
    path: '/staff',
    summary: 'The console’s people (admins and staff), by name',
    tag: 'Staff',
    permission: 'settings.manage',
    response: z.object({ data: z.array(staffOutput) }),
  },
  async ({ ctx }) => ({ data: (await listStaff(ctx)).map(staffJson) }),
);

export const createStaffRoute = defineRoute(
  {
    method: 'POST',
    path: '/staff',
    summary: 'Add a staff member who signs in with this password and holds exactly these permissions; a used e-mail → 409',
    tag: 'Staff',
    permission: 'settings.manage',
    body: createStaffInput,
    response: staffOutput,
    status: 201,
  },
  async ({ ctx, body }) => staffJson(await createStaff(ctx, body)),
);

export const setStaffPermissionsRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/staff/{id}',
    summary: 'Replace a staff member’s permissions',
    tag: 'Staff',
    permission: 'settings.manage',
    params: userIdInput,
    body: staffPermissionsInput,
    response: staffOutput,
  },
  async ({ ctx, params, body }) => staffJson(await setStaffPermissions(ctx, { ...body, id: params.id })),
);

export const setUserDisabledRoute = defineRoute(
  {
    method: 'POST',
    path: '/users/{id}/disabled',
    summary: 'Stop (or allow again) any user’s sign-in at once: staff, reseller or client; never your own',
    tag: 'Staff',
    permission: 'settings.manage',
    params: userIdInput,
    body: userDisabledInput,
    response: z.object({ id: z.string(), disabled: z.boolean() }),
  },
  async ({ ctx, params, body }) => setUserDisabled(ctx, { ...body, id: params.id }),
);

export const listAuditRoute = defineRoute(
  {
    method: 'GET',
    path: '/audit-log',
    summary: 'The audit log, newest first: who changed what, before and after; `actor` matches the actor’s label, `from`/`to` are UTC dates',
    tag: 'Staff',
    permission: 'settings.manage',
    query: camelized(auditFilters.extend(listInput.shape).extend({ cursor: auditPosition.optional() })),
    response: listOf(auditEntryOutput),
  },
  async ({ ctx, query }) => {
    const { cursor, ...filters } = query;
    const page = await listAudit(ctx, { ...filters, before: cursor });
    return { data: page.items.map(auditJson), next_cursor: page.nextBefore };
  },
);

export const listApiKeysRoute = defineRoute(
  {
    method: 'GET',
    path: '/api-keys',
    summary: 'Every API key, newest first: names and prefixes (the secret is never shown again)',
    tag: 'API keys',
    permission: 'settings.manage',
    response: z.object({ data: z.array(apiKeyOutput) }),
  },
  async ({ ctx }) => ({ data: (await listApiKeys(ctx)).map(apiKeyJson) }),
);

export const createApiKeyRoute = defineRoute(
  {
    method: 'POST',
    path: '/api-keys',
    summary: 'Create an admin key (every permission) or a staff key (the default staff permissions); `key` is shown only here',
    tag: 'API keys',
    permission: 'settings.manage',
    body: createApiKeyInput,
    response: z.object({ id: z.string(), key: z.string() }),
    status: 201,
  },
  ({ ctx, body }) => createConsoleApiKey(ctx, body),
);

export const revokeApiKeyRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/api-keys/{id}',
    summary: 'Revoke a key at once (204): its next request is a 401; an unknown or revoked key → 404',
    tag: 'API keys',
    permission: 'settings.manage',
    params: z.object({ id }),
    response: z.null(),
    status: 204,
    raw: true,
  },
  async ({ ctx, params }) => {
    await revokeApiKey(ctx, params);
    return new Response(null, { status: 204 });
  },
);

export const listResellerApiKeysRoute = defineRoute(
  {
    method: 'GET',
    path: '/resellers/{id}/api-keys',
    summary: 'A reseller’s API keys, newest first (names and prefixes)',
    tag: 'Resellers',
    permission: 'settings.manage',
    params: resellerIdInput,
    response: z.object({ data: z.array(apiKeyOutput) }),
  },
  async ({ ctx, params }) => ({ data: (await listResellerApiKeys(ctx, params)).map(apiKeyJson) }),
);

export const revokeResellerApiKeyRoute = defineRoute(
  {
    method: 'DELETE',
    path: '/resellers/{id}/api-keys/{key_id}',
    summary: 'Revoke one of a reseller’s keys at once (204)',
    tag: 'Resellers',
    permission: 'settings.manage',
    params: resellerIdInput.extend({ key_id: id }),
    response: z.null(),
    status: 204,
    raw: true,
  },
  async ({ ctx, params }) => {
    await revokeResellerApiKey(ctx, { id: params.id, keyId: params.key_id });
    return new Response(null, { status: 204 });
  },
);
