import 'server-only';
import { notFound, redirect } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { type SessionUser, currentUser } from '@/server/auth/next-auth';
import { type Area, type Permission, areaRoles, homeOf } from '@/server/auth/permissions';

/** Lets only the area's roles in: strangers go to sign-in, other roles to their own area. */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${area}`)}`);
  if (!areaRoles[area].includes(user.role)) redirect(homeOf[user.role]);
  return user;
}

/** Pages of the console that need a permission answer 404 to those without it. */
export async function requirePermissionPage(permission: Permission): Promise<void> {
  const me = await (await api()).me();
  if (!me.permissions.includes(permission)) notFound();
}
