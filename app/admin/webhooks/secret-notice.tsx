'use client';

import { CopyButton } from '../../_components/ui/copy-button';

/** A signing secret, shown once: after this dialog closes nobody can read it again. */
export function SecretNotice({ secret }: { secret: string }) {
  return (
    <div className="space-y-2">
      <p className="text-sm">Copy the signing secret now and give it to the receiver: it is not shown again.</p>
      <div className="flex items-center gap-2 rounded-md border border-border bg-muted/40 px-3 py-2">
        <code className="min-w-0 flex-1 font-mono text-sm break-all" data-testid="webhook-secret">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy signing secret" />
      </div>
    </div>
  );
}
