import { redirect } from 'next/navigation';
import { currentUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';

// Visitors land in the storefront (its header signs staff and customers in); people signed
// in go to their own area.
export default async function Home() {
  const user = await currentUser();
  redirect(user ? homeOf[user.role] : '/store');
}
