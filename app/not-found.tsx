import Link from 'next/link';
import { buttonClass } from './_components/ui/button';

// One answer for a missing page, a record outside the viewer's scope and a wrong invoice
// token alike: it must not tell which of them it was.
export default function NotFound() {
  return (
    <main id="content" tabIndex={-1} className="outline-none mx-auto flex min-h-screen max-w-md flex-col items-center justify-center gap-4 px-4 text-center">
      <p className="text-5xl font-semibold text-fg-muted">404</p>
      <h1 className="text-xl font-semibold">This page could not be found.</h1>
      <p className="text-sm text-fg-muted">The link may be mistyped or no longer valid. If someone sent it to you, ask them for a fresh one.</p>
      <Link href="/" className={buttonClass('secondary')}>
        Go to the start page
      </Link>
    </main>
  );
}
