'use client';

import type { InputHTMLAttributes, ReactNode } from 'react';
import { useFormContext } from 'react-hook-form';
import { humanize } from '../../_lib/format';
import { inputClass } from '../ui/field';

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
  const { register } = useFormContext();
  return (
    <FilterField label={label} error={error}>
      <input className={inputClass} {...props} {...register(name)} />
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
  const { register } = useFormContext();
  return (
    <FilterField label={label} error={error}>
      <select className={inputClass} {...register(name)}>
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
