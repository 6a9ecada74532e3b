import 'server-only';
import { forbidden, notFound, redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { api } from '@/server/api/server-caller';
import { currentUser, type SessionUser } from '@/server/auth/next-auth';
import { areaRoles, homeOf, type Area, type Permission } from '@/server/auth/permissions';
import { isUuid } from '@/server/schemas/common';

/** Lets only the area's roles in: strangers go to sign-in, other roles to their own area. */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${area}`)}`);
  if (!areaRoles[area].includes(user.role)) redirect(homeOf[user.role]);
  return user;
}

/**
 * Pages of the console that need a permission answer those without it "You don't have access"
 * (403, the area's forbidden.tsx): they are signed in to this area and its pages are no secret.
 * Records outside their scope stay 404, decided by the services.
 */
export async function requirePermissionPage(permission: Permission): Promise<void> {
  const me = await (await api()).me();
  if (!me.permissions.includes(permission)) forbidden();
}

/**
 * The layout of a console section that only some may open. Layouts render before a loading
 * skeleton starts streaming, so those without the permission get a real 403 status ("admin":
 * the admin role only).
 */
export function guardedSection(permission: Permission | 'admin') {
  return async function GuardedSection({ children }: { children: ReactNode }) {
    const user = await requireArea('admin');
    if (permission === 'admin') {
      if (user.role !== 'admin') forbidden();
    } else await requirePermissionPage(permission);
    return children;
  };
}

/** The record id of a detail page's URL; anything that is not an id is a 404 before any query. */
export async function recordId(params: Promise<{ id: string }>): Promise<string> {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return id;
}
