'use client';

import { Search } from 'lucide-react';
import { useQueryStates } from 'nuqs';
import { useForm } from 'react-hook-form';
import { listParams } from '../../_lib/list-params';
import { Button } from '../ui/button';
import { Input } from '../ui/field';

/** The search lands in the URL (back to the first page), so it survives reloads and can be shared. */
export function SearchBox({ placeholder }: { placeholder: string }) {
  const [{ q }, setParams] = useQueryStates(listParams.customers, { shallow: false, history: 'push' });
  const form = useForm({ values: { q: q ?? '' } });
  return (
    <form onSubmit={form.handleSubmit((v) => setParams({ q: v.q.trim() || null, cursor: null }))} role="search" className="flex w-full max-w-md gap-2">
      <div className="relative flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" aria-hidden />
        <Input type="search" defaultValue={q ?? ''} placeholder={placeholder} aria-label={placeholder} className="pl-9" {...form.register('q')} />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
