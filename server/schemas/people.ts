import { z } from 'zod';
import { permissions } from '../auth/permissions';
import { optionalText } from './common';
import { plainDate } from './invoices';

export const permissionList = z.array(z.enum(permissions)).max(permissions.length);

export const createStaffInput = z.strictObject({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  email: z.string({ error: 'is required' }).trim().toLowerCase().pipe(z.email('must be a valid e-mail address')),
  password: z.string({ error: 'is required' }).min(10, 'must be at least 10 characters').max(200),
  permissions: permissionList,
  // A cash collector holds payments.collect for its assigned customers only; its permissions are the role's, not these.
  role: z.enum(['staff', 'collector'], { error: 'must be staff or collector' }).default('staff'),
});
export const staffPermissionsInput = z.strictObject({ permissions: permissionList });
export const userDisabledInput = z.strictObject({ disabled: z.boolean({ error: 'must be true or false' }) });

export const staffOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.enum(['admin', 'staff', 'collector']),
  permissions: z.array(z.string()),
  disabled: z.boolean(),
  created_at: z.string(),
});

/** The audit log's filters (the console's and the API's); `before` is the id the last page ended on. */
export const auditFilters = z.object({
  actor: optionalText(200),
  entity_type: optionalText(50),
  action: optionalText(100),
  from: plainDate.optional(),
  to: plainDate.optional(),
});
export const auditPosition = z.string().regex(/^\d+$/, 'is not a position this list returned');

export const auditEntryOutput = z.object({
  id: z.string(),
  at: z.string(),
  actor_type: z.string(),
  actor_id: z.string().nullable(),
  actor_label: z.string(),
  action: z.string(),
  entity_type: z.string(),
  entity_id: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});

/** An admin's key (every permission) or a staff key (the default staff permissions). */
export const createApiKeyInput = z.strictObject({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100),
  role: z.enum(['admin', 'staff'], { error: 'must be admin or staff' }),
});
export const apiKeyOutput = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  role: z.string(),
  created_at: z.string(),
  revoked_at: z.string().nullable(),
});
