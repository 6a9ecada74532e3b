'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { buttonClass } from '@/app/_components/ui/button';

/** "My account" for someone signed in; otherwise "Sign in", coming back to this page after. */
export function AccountLink({ home, email }: { home: string | null; email: string | null }) {
  const pathname = usePathname();
  const t = useTranslations('shop.header');
  if (home) {
    return (
      <Link href={home} className={buttonClass('secondary')} title={email ?? undefined} data-testid="shop-account">
        {t('myAccount')}
      </Link>
    );
  }
  return (
    <Link href={`/sign-in?callbackUrl=${encodeURIComponent(pathname || '/store')}`} className={buttonClass('secondary')} data-testid="shop-account">
      {t('signIn')}
    </Link>
  );
}
