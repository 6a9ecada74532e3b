import type { z } from 'zod';
import { camelized } from '../../schemas/common';
import {
  createResellerInput,
  issueResellerKeyInput,
  listResellersInput,
  percentOfMilli,
  resellerIdInput,
  resellerKeyOutput,
  resellerOutput,
  updateResellerInput,
} from '../../schemas/resellers';
import { createReseller } from '../../services/resellers/create';
import { getReseller } from '../../services/resellers/get';
import { issueResellerApiKey } from '../../services/resellers/issue-api-key';
import { listResellers } from '../../services/resellers/list';
import type { ResellerView } from '../../services/resellers/store';
import { updateReseller } from '../../services/resellers/update';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

export function resellerJson(r: ResellerView): z.input<typeof resellerOutput> {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    commission_percent: percentOfMilli(r.commissionMilli),
    parent_id: r.parentId,
    permissions: r.permissions,
    see_parent_customers: r.seeParentCustomers,
    active: r.active,
    created_at: r.createdAt.toISOString(),
  };
}

export const createResellerRoute = defineRoute(
  {
    method: 'POST',
    path: '/resellers',
    summary: 'Create a reseller; without a password it is e-mailed a link to set its own',
    tag: 'Resellers',
    permission: 'settings.manage',
    body: camelized(createResellerInput),
    response: resellerOutput,
    status: 201,
  },
  async ({ ctx, body, origin }) => resellerJson(await createReseller(ctx, { ...body, origin })),
);

export const listResellersRoute = defineRoute(
  {
    method: 'GET',
    path: '/resellers',
    summary: 'List resellers, newest first; `q` matches name or e-mail',
    tag: 'Resellers',
    permission: 'settings.manage',
    query: camelized(listResellersInput),
    response: listOf(resellerOutput),
  },
  async ({ ctx, query }) => {
    const page = await listResellers(ctx, query);
    return { data: page.items.map(resellerJson), next_cursor: page.nextCursor };
  },
);

export const getResellerRoute = defineRoute(
  {
    method: 'GET',
    path: '/resellers/{id}',
    summary: 'Get a reseller',
    tag: 'Resellers',
    permission: 'settings.manage',
    params: resellerIdInput,
    response: resellerOutput,
  },
  async ({ ctx, params }) => resellerJson(await getReseller(ctx, params)),
);

export const updateResellerRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/resellers/{id}',
    summary: 'Change a reseller; `active: false` stops its sign-in and its keys at once',
    tag: 'Resellers',
    permission: 'settings.manage',
    params: resellerIdInput,
    body: camelized(updateResellerInput),
    response: resellerOutput,
  },
  async ({ ctx, params, body }) => resellerJson(await updateReseller(ctx, { ...body, id: params.id })),
);

export const issueResellerKeyRoute = defineRoute(
  {
    method: 'POST',
    path: '/resellers/{id}/api-keys',
    summary: 'Issue an API key that acts as the reseller (the key is shown only here)',
    tag: 'Resellers',
    permission: 'settings.manage',
    params: resellerIdInput,
    body: issueResellerKeyInput,
    response: resellerKeyOutput,
    status: 201,
  },
  async ({ ctx, params, body }) => issueResellerApiKey(ctx, { id: params.id, name: body.name }),
);
