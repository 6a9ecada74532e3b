'use client';

import { LogOut } from 'lucide-react';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { Button } from '../ui/button';

export function SignOutButton({ className, variant = 'ghost' }: { className?: string; variant?: 'primary' | 'ghost' }) {
  const t = useTranslations('common.shell');
  return (
    <Button variant={variant} className={className} onClick={() => signOut({ callbackUrl: '/sign-in' })}>
      <LogOut className="size-4" aria-hidden />
      {t('signOut')}
    </Button>
  );
}
