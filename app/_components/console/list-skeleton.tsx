import { Card } from '../ui/card';

/** Shown while a console list loads (a section's loading.tsx): its shape, so nothing jumps. */
export function ListSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading" className="animate-pulse">
      <div className="mb-6 space-y-2">
        <div className="h-7 w-48 rounded bg-muted" />
        <div className="h-4 w-80 rounded bg-muted" />
      </div>
      <Card className="overflow-hidden">
        <div className="h-10 border-b border-border bg-muted" />
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="flex gap-4 border-b border-border px-4 py-3 last:border-0">
            <div className="h-4 w-24 rounded bg-muted" />
            <div className="h-4 flex-1 rounded bg-muted" />
            <div className="h-4 w-20 rounded bg-muted" />
            <div className="h-4 w-16 rounded bg-muted" />
          </div>
        ))}
      </Card>
    </div>
  );
}
