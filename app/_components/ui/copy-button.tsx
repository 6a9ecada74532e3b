'use client';

import { Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from '../../../_components/ui/button';

export function CopyButton({ path }: { path: string }) {
  return (
    <Button
      variant="secondary"
      aria-label="Copy public link"
      onClick={async () => {
        await navigator.clipboard.writeText(`${window.location.origin}${path}`);
        toast.success('Public link copied');
      }}
    >
      <Copy className="size-4" aria-hidden />
    </Button>
  );
}
