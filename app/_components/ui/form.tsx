'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import {
  FormProvider,
  get,
  useForm,
  useFormContext,
  type DefaultValues,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type SubmitHandler,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import type { FieldErrors } from '@/server/errors';
import { cn } from './cn';
import { Field, Input, inputClass } from './field';

/** A form checked by a zod schema before it is sent: the server's own where the shapes match. */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, defaultValues?: DefaultValues<z.input<S>>) {
  // Checked when sent, as before: messages stay put while someone types or adds rows.
  return useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues, reValidateMode: 'onSubmit' });
}

/**
 * Puts the server's field errors (AppError.fields, or the service's zod issues) on the form's
 * fields; `rename` maps a server path to the field that shows it when the form names it
 * differently. "_" (the whole request) lands on the form's root error.
 */
export const setFieldErrors =
  <T extends FieldValues>(form: Pick<UseFormReturn<T, unknown, never>, 'setError'>, rename: Record<string, string> = {}) =>
  (fields: FieldErrors) => {
    for (const [path, message] of Object.entries(fields)) {
      const name = rename[path] ?? path;
      form.setError(name === '_' ? 'root' : (name as Path<T>), { message });
    }
  };

/** A `<form>` bound to a react-hook-form instance; its fields below find it through context. */
export function Form<T extends FieldValues, O>({
  form,
  onSubmit,
  children,
  ...props
}: {
  form: UseFormReturn<T, unknown, O>;
  onSubmit: SubmitHandler<O>;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
}) {
  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate {...props}>
        {children}
      </form>
    </FormProvider>
  );
}

/** The message under a field, from the schema or the server. */
export function useFieldError(name: string): string | undefined {
  const { formState } = useFormContext();
  return (get(formState.errors, name) as { message?: string } | undefined)?.message;
}

type Element = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/**
 * `register(name)` for a field the server renders too: its default is in the HTML, so the page
 * shows it before it hydrates, and what was typed before then is kept where react-hook-form,
 * taking the field over, would put the default back.
 */
export function useField(name: string, rules?: RegisterOptions) {
  const { register, formState, getValues, setValue } = useFormContext();
  const initial: unknown = get(formState.defaultValues, name);
  const { ref, ...field } = register(name, rules);
  const attach = (element: Element | null) => {
    const checkbox = element instanceof HTMLInputElement && element.type === 'checkbox';
    const typed = element ? (checkbox ? (element as HTMLInputElement).checked : element.value) : undefined;
    ref(element);
    if (typed !== undefined && typed !== getValues(name)) setValue(name, typed, { shouldDirty: true });
  };
  return { ...field, ref: attach, initial };
}

const invalid = (id: string, error: string | undefined) => (error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {});

/** `rules`: react-hook-form's own options for the field, e.g. an onChange that fills in another. */
type Common = { name: string; label: string; id?: string; hint?: ReactNode; rules?: RegisterOptions };

/** A labelled text input with its inline error; `id` (default: `name`) ties label, input and error. */
export function FormText({ name, label, id = name, hint, rules, ...props }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const { initial, ...field } = useField(name, rules);
  const error = useFieldError(name);
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <Input id={id} defaultValue={initial as string | undefined} {...invalid(id, error)} {...props} {...field} />
    </Field>
  );
}

export function FormTextarea({ name, label, id = name, hint, rules, className, ...props }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const { initial, ...field } = useField(name, rules);
  const error = useFieldError(name);
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <textarea
        id={id}
        defaultValue={initial as string | undefined}
        className={cn(inputClass, 'h-auto py-2', className)}
        {...invalid(id, error)}
        {...props}
        {...field}
      />
    </Field>
  );
}

export function FormSelect({ name, label, id = name, hint, rules, children, ...props }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const { initial, ...field } = useField(name, rules);
  const error = useFieldError(name);
  return (
    <Field label={label} name={id} error={error} hint={hint}>
      <select id={id} defaultValue={initial as string | undefined} className={inputClass} {...invalid(id, error)} {...props} {...field}>
        {children}
      </select>
    </Field>
  );
}

/** A checkbox with its label after it; its value is a boolean. */
export function FormCheckbox({ name, children, className }: { name: string; children: ReactNode; className?: string }) {
  const { initial, ...field } = useField(name);
  return (
    <label className={cn('flex items-center gap-2 text-sm', className)}>
      <input type="checkbox" defaultChecked={Boolean(initial)} {...field} /> {children}
    </label>
  );
}

/** What the server said about the request as a whole, above the form's buttons. */
export function FormError({ className = 'text-sm text-danger' }: { className?: string }) {
  const { formState } = useFormContext();
  const message = formState.errors.root?.message;
  return message ? (
    <p role="alert" className={className}>
      {message}
    </p>
  ) : null;
}
