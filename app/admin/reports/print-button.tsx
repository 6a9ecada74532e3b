'use client';

import { Printer } from 'lucide-react';
import { Button } from '../../_components/ui/button';

/** The browser's print dialog for the page; the print styles leave out the console's frame and the controls. */
export function PrintButton() {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer className="size-4" aria-hidden /> Print
    </Button>
  );
}
