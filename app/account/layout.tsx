import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { currentUser } from '@/server/auth/next-auth';
import { homeOf } from '@/server/auth/permissions';
import { ConsoleShell } from '../_components/console/shell';

// Outside the console areas on purpose: an admin whom Settings → Security sends to enrol in
// two-factor sign-in must reach these pages before the console lets them in.
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) redirect('/sign-in?callbackUrl=%2Faccount');
  // Clients keep their account in the portal's profile page.
  if (user.role === 'client') redirect('/client/profile');
  return (
    <ConsoleShell
      user={user}
      area="Your account"
      nav={[
        { href: homeOf[user.role], label: 'Back to the console', icon: 'dashboard' },
        { href: '/account', label: 'Account', icon: 'account' },
      ]}
    >
      {children}
    </ConsoleShell>
  );
}
