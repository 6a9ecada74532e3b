'use client';

import { useQueryStates } from 'nuqs';
import { useEffect, useRef, type ChangeEvent, type KeyboardEvent, type ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { listParams } from '../../_lib/list-params';
import { Button } from '../ui/button';

// A pause in typing before a text filter applies: one list per word, not per key.
const typingPause = 400;

const isTyped = (target: EventTarget) => target instanceof HTMLInputElement && (target.type === 'text' || target.type === 'search');

/**
 * A list's filter bar: a change lands in the URL as it is made (a drop-down or a date at once,
 * typing after a pause, Enter at once), back to the first page, and the server page renders the
 * list for it; the fields follow the URL when it changes. Without JavaScript the form is a plain
 * GET of the same parameters, with its own Apply button. `list` names the list's parameters
 * (parsers hold functions, so they cannot come from the server page as props); `pageKey`: the
 * list's page parameter, dropped whenever the filters change; `defaults`: what a field shows
 * while its parameter is absent (a drop-down without an "Any" choice).
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
  const pending = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(pending.current), []);
  const apply = (values: Record<string, string>) =>
    setParams(Object.fromEntries([...keys.map((key) => [key, values[key]?.trim() || null]), [pageKey, null]]) as Parameters<typeof setParams>[0]);
  const applySoon = (delay: number) => {
    clearTimeout(pending.current);
    pending.current = setTimeout(() => void form.handleSubmit(apply)(), delay);
  };

  return (
    <FormProvider {...form}>
      <form
        onSubmit={(event) => {
          clearTimeout(pending.current);
          void form.handleSubmit(apply)(event);
        }}
        onChange={(event: ChangeEvent<HTMLFormElement>) => applySoon(isTyped(event.target) ? typingPause : 0)}
        onKeyDown={(event: KeyboardEvent<HTMLFormElement>) => {
          if (event.key === 'Enter' && isTyped(event.target)) {
            event.preventDefault();
            applySoon(0);
          }
        }}
        aria-label="Filters"
        className={className}
      >
        {children}
        <div className="col-span-full flex gap-2">
          <noscript>
            <Button type="submit">Apply filters</Button>
          </noscript>
          <Button
            variant="ghost"
            onClick={() => {
              clearTimeout(pending.current);
              void setParams(null);
            }}
          >
            Clear filters
          </Button>
        </div>
      </form>
    </FormProvider>
  );
}
