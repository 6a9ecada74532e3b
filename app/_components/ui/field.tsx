import type { InputHTMLAttributes, ReactNode } from 'react';
import { cn } from './cn';

export const inputClass =
  'h-9 w-full rounded-md border border-border bg-surface px-3 text-sm text-fg placeholder:text-fg-muted focus:border-accent focus:outline-none focus:ring-2 focus:ring-accent/30 aria-[invalid=true]:border-danger';

export function Input({ className, ...props }: InputHTMLAttributes<HTMLInputElement>) {
  return <input className={cn(inputClass, className)} {...props} />;
}

/** A labelled input with its inline error, wired for screen readers. */
export function Field({
  label,
  name,
  error,
  children,
  hint,
}: {
  label: string;
  name: string;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${name}-error`} role="alert" className="text-xs text-danger">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-fg-muted">{hint}</p>
      ) : null}
    </div>
  );
}

/** A labelled text input with its inline error; `id` (default: `name`) ties label, input and error. */
export function TextField({
  name,
  label,
  error,
  id = name,
  ...props
}: { name: string; label: string; error?: string | undefined; id?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} name={id} error={error}>
      <Input id={id} name={name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...props} />
    </Field>
  );
}
