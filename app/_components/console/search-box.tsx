import { Search } from 'lucide-react';
import { Button } from '../ui/button';
import { Input } from '../ui/field';

/** A plain GET form: the search lands in the URL, so it survives reloads and can be shared. */
export function SearchBox({ action, q, placeholder }: { action: string; q: string | undefined; placeholder: string }) {
  return (
    <form action={action} method="get" role="search" className="flex w-full max-w-md gap-2">
      <div className="relative flex-1">
        <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" aria-hidden />
        <Input name="q" type="search" defaultValue={q} placeholder={placeholder} aria-label={placeholder} className="pl-9" />
      </div>
      <Button type="submit" variant="secondary">
        Search
      </Button>
    </form>
  );
}
