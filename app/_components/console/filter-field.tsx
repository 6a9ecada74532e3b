import type { ReactNode } from 'react';
import { humanize } from '../../_lib/format';
import { inputClass } from '../ui/field';

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

type Option = string | { value: string; label: string };

/** A filter drop-down; `any` is the label of the "no filter" choice (null: there is none). */
export function FilterSelect({ label, name, value, options, error, any = 'Any' }: { label: string; name: string; value: string | undefined; options: readonly Option[]; error?: string | undefined; any?: string | null }) {
  return (
    <FilterField label={label} error={error}>
      <select name={name} defaultValue={value ?? ''} className={inputClass}>
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
export function FilterDate({ label, name, value, error }: { label: string; name: string; value: string | undefined; error?: string | undefined }) {
  return (
    <FilterField label={label} error={error}>
      <input type="date" name={name} defaultValue={value} className={inputClass} />
    </FilterField>
  );
}
