'use client';

import { useQueryStates } from 'nuqs';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { listParams } from '../../_lib/list-params';
import { Button } from '../ui/button';

/**
 * A list's filter bar: what is typed lands in the URL on "Apply filters" (back to the first
 * page), and the server page renders the list for it; the fields follow the URL when it changes.
 * `list` names the list's parameters (parsers hold functions, so they cannot come from the server
 * page as props); `pageKey`: the list's page parameter, dropped whenever the filters change; `defaults`: what a
 * field shows while its parameter is absent (a drop-down without an "Any" choice).
 */
export function FilterForm<L extends keyof typeof listParams>({
  list,
  pageKey = 'cursor',
  defaults = {},
  className,
  children,
}: {
  list: L;
  pageKey?: string;
  defaults?: Partial<Record<keyof (typeof listParams)[L], string>>;
  className: string;
  children: ReactNode;
}) {
  const parsers = listParams[list];
  const [params, setParams] = useQueryStates(parsers, { shallow: false, history: 'push' });
  const keys = Object.keys(parsers).filter((key) => key !== pageKey);
  const form = useForm<Record<string, string>>({
    values: Object.fromEntries(
      keys.map((key) => [key, (params as Record<string, string | null>)[key] ?? (defaults as Record<string, string | undefined>)[key] ?? '']),
    ),
  });
  const apply = (values: Record<string, string>) =>
    setParams(Object.fromEntries([...keys.map((key) => [key, values[key]?.trim() || null]), [pageKey, null]]) as Parameters<typeof setParams>[0]);

  return (
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit(apply)} aria-label="Filters" className={className}>
        {children}
        <div className="col-span-full flex gap-2">
          <Button type="submit">Apply filters</Button>
          <Button variant="ghost" onClick={() => setParams(null)}>
            Clear
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
