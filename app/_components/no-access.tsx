import { Lock } from 'lucide-react';
import Link from 'next/link';
import { buttonClass } from './ui/button';

/**
 * What signed-in people meet on a page their permissions do not open (`forbidden()` in
 * app/_lib/guard.ts). Another tenant's record is still the 404 page: this one only says that a
 * page exists, which the navigation of an admin already tells.
 */
export function NoAccess({ home, ask = 'ask an administrator to give you the permission on the Staff page' }: { home: string; ask?: string }) {
  return (
    <div className="mx-auto flex max-w-md flex-col items-center gap-4 py-16 text-center">
      <Lock className="size-10 text-fg-muted" aria-hidden />
      <h1 className="text-xl font-semibold">You don’t have access to this page</h1>
      <p className="text-sm text-fg-muted">Your account’s permissions do not include this part of Cashdesk. If your work needs it, {ask}.</p>
      <Link href={home} className={buttonClass('secondary')}>
        Back to the dashboard
      </Link>
    </div>
  );
}
