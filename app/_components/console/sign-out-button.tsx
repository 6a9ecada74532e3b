'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { Button } from '../ui/button';

export function SignOutButton({
  className,
  variant = 'ghost',
  label = 'Sign out',
}: {
  className?: string;
  variant?: 'primary' | 'ghost';
  label?: string | undefined;
}) {
  return (
    <Button variant={variant} className={className} onClick={() => signOut({ callbackUrl: '/sign-in' })}>
      <LogOut className="size-4" aria-hidden />
      {label}
    </Button>
  );
}
