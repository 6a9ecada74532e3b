import type { ReactNode } from 'react';

/** A labelled filter control with its inline error, for the GET filter bars of lists. */
export function FilterField({ label, error, children }: { label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-fg-muted">
      {label}
      {children}
      {error ? (
        <span role="alert" className="font-normal text-danger">
          {error}
        </span>
      ) : null}
    </label>
  );
}
