'use client';

import { Printer } from 'lucide-react';
import { Button } from '../ui/button';

/** Prints the page; print CSS hides this and every other control. */
export function PrintButton() {
  return (
    <Button variant="secondary" className="print:hidden" onClick={() => window.print()}>
      <Printer className="size-4" aria-hidden /> Print
    </Button>
  );
}
