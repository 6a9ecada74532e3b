import { currentUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';
import { NoAccess } from './_components/no-access';

/** Pages outside a console frame (the Collect page for staff who may not collect). */
export default async function Forbidden() {
  const user = await currentUser();
  return (
    <main id="content" tabIndex={-1} className="px-4 outline-none">
      <NoAccess home={user ? homeOf[user.role] : '/'} />
    </main>
  );
}
