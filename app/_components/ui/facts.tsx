import type { ReactNode } from 'react';

/** Labelled facts of a record (a `<dl>` of label and value pairs), laid out by the caller's grid. */
export function Facts({
  items,
  className,
  valueClassName,
}: {
  items: ReadonlyArray<readonly [string, ReactNode]>;
  className: string;
  valueClassName?: string;
}) {
  return (
    <dl className={className}>
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-fg-muted">{label}</dt>
          <dd className={valueClassName}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
