'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { Button } from '../ui/button';

export function SignOutButton({ className, variant = 'ghost' }: { className?: string; variant?: 'primary' | 'ghost' }) {
  return (
    <Button variant={variant} className={className} onClick={() => signOut({ callbackUrl: '/sign-in' })}>
      <LogOut className="size-4" aria-hidden />
      Sign out
    </Button>
  );
}
