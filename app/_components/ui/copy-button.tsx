'use client';

import { Copy } from 'lucide-react';
import { toast } from 'sonner';
import { Button } from './button';

/** Copies `text` (a path is made absolute against this site) and says so. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  return (
    <Button
      variant="ghost"
      className="h-7 px-2"
      aria-label={label}
      onClick={async () => {
        await navigator.clipboard.writeText(text.startsWith('/') ? `${window.location.origin}${text}` : text);
        toast.success(`${label.replace(/^Copy /, '')} copied`.replace(/^./, (c) => c.toUpperCase()));
      }}
    >
      <Copy className="size-4" aria-hidden />
    </Button>
  );
}
