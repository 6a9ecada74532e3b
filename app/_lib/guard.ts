import 'server-only';
import { redirect } from 'next/navigation';
import { type SessionUser, currentUser } from '@/server/auth/next-auth';
import { type Area, areaRoles, homeOf } from '@/server/auth/permissions';

/** Lets only the area's roles in: strangers go to sign-in, other roles to their own area. */
export async function requireArea(area: Area): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/${area}`)}`);
  if (!areaRoles[area].includes(user.role)) redirect(homeOf[user.role]);
  return user;
}
