import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';

export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeOf[user.role] : '/sign-in');
}
