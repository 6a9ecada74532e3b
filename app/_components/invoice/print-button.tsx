'use client';

import { Printer } from 'lucide-react';
import { Button } from '../ui/button';

/** Prints the page; print CSS hides this and every other control. `label` words it in the page's language (English by default). */
export function PrintButton({ label = 'Print' }: { label?: string }) {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      <Printer className="size-4" aria-hidden /> {label}
    </Button>
  );
}
