'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { humanize, resellerLabel } from '../../_lib/format';
import { inputClass } from '../ui/field';
import { useField } from '../ui/form';

/** A labelled filter control with its inline error (the server page's reading of the URL). */
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

/** A typed filter of a FilterForm. */
export function FilterText({
  label,
  name,
  error,
  ...props
}: { label: string; name: string; error?: string | undefined } & InputHTMLAttributes<HTMLInputElement>) {
  const { initial, ...field } = useField(name);
  return (
    <FilterField label={label} error={error}>
      <input className={inputClass} defaultValue={initial as string | undefined} {...props} {...field} />
    </FilterField>
  );
}

type Option = string | { value: string; label: string };

/** A filter drop-down; `any` is the label of the "no filter" choice (null: there is none). */
export function FilterSelect({
  label,
  name,
  options,
  error,
  any = 'Any',
}: {
  label: string;
  name: string;
  options: readonly Option[];
  error?: string | undefined;
  any?: string | null;
}) {
  const { initial, ...field } = useField(name);
  return (
    <FilterField label={label} error={error}>
      <select className={inputClass} defaultValue={initial as string | undefined} {...field}>
        {any === null ? null : <option value="">{any}</option>}
        {options.map((option) => {
          const { value: v, label: l } = typeof option === 'string' ? { value: option, label: humanize(option) } : option;
          return (
            <option key={v} value={v}>
              {l}
            </option>
          );
        })}
      </select>
    </FilterField>
  );
}

/** A date filter (one end of a range). */
export function FilterDate({ label, name, error }: { label: string; name: string; error?: string | undefined }) {
  return <FilterText label={label} name={name} error={error} type="date" />;
}

/** The Reseller filter: every reseller, disabled ones too, whose past rows stay in the lists. */
export function FilterReseller({ resellers, error }: { resellers: ReadonlyArray<{ id: string; name: string; active: boolean }>; error?: string | undefined }) {
  return <FilterSelect label="Reseller" name="reseller_id" options={resellers.map((r) => ({ value: r.id, label: resellerLabel(r) }))} error={error} />;
}
