'use client';

import { useQuery } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { Search } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Dialog } from 'radix-ui';
import { useEffect, useState, type ReactNode } from 'react';
import { useTRPC } from '../../_lib/trpc';
import { useMoney } from '../money';
import { StatusPill } from '../ui/status-pill';
import type { ConsoleBase } from './base-path';

// Wait for a pause in typing before asking: one query per word, not per key.
const typingPause = 200;

/**
 * The console's global search (Ctrl/⌘+K, or the header's "Search…" button): customers,
 * invoices, orders and payments as the service scopes them for the signed-in person, grouped;
 * ↑/↓ choose, Enter opens the record (a payment opens its invoice).
 */
export function SearchPalette({ basePath }: { basePath: ConsoleBase }) {
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const trpc = useTRPC();
  const router = useRouter();
  const money = useMoney();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.metaKey || event.ctrlKey)) {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), typingPause);
    return () => clearTimeout(timer);
  }, [typed]);

  const results = useQuery({ ...trpc.search.find.queryOptions({ q }), enabled: open && q.length >= 2, placeholderData: (previous) => previous });
  const found = q.length >= 2 ? results.data : undefined;
  const go = (href: string) => {
    setOpen(false);
    setTyped('');
    router.push(href);
  };
  const nothing = found && Object.values(found).every((group) => group.length === 0);
  const typedNumber = q.toUpperCase();
  const numberFirst = Boolean(found && [...found.invoices, ...found.orders].some((r) => r.number?.toUpperCase() === typedNumber));
  const customersGroup = found?.customers.length ? (
    <Group heading="Customers">
      {found.customers.map((c) => (
        <Item key={c.id} value={`customer ${c.id}`} onSelect={() => go(`${basePath}/customers/${c.id}`)} title={c.name} detail={c.email} />
      ))}
    </Group>
  ) : null;
  const invoicesGroup = found?.invoices.length ? (
    <Group heading="Invoices">
      {found.invoices.map((i) => (
        <Item
          key={i.id}
          value={`invoice ${i.id}`}
          onSelect={() => go(`${basePath}/invoices/${i.id}`)}
          title={i.number ?? 'Draft'}
          detail={`${i.customerName} · ${money(i.total, i.currency)}`}
          status={i.status}
        />
      ))}
    </Group>
  ) : null;
  const ordersGroup = found?.orders.length ? (
    <Group heading="Orders">
      {found.orders.map((o) => (
        <Item
          key={o.id}
          value={`order ${o.id}`}
          onSelect={() => go(`${basePath}/orders/${o.id}`)}
          title={o.number}
          detail={`${o.customerName} · ${money(o.total, o.currency)}`}
          status={o.status}
        />
      ))}
    </Group>
  ) : null;
  const paymentsGroup = found?.payments.length ? (
    <Group heading="Payments">
      {found.payments.map((p) => (
        <Item
          key={p.id}
          value={`payment ${p.id}`}
          onSelect={() => go(`${basePath}/invoices/${p.invoiceId}`)}
          title={`${money(p.amount, p.currency)} · ${p.reference ?? p.providerId ?? 'payment'}`}
          detail={`${p.customerName} · invoice ${p.invoiceNumber ?? 'draft'}${p.provider && p.providerId ? ` · ${p.provider} ${p.providerId}` : ''}`}
        />
      ))}
    </Group>
  ) : null;

  return (
    <>
      {/* On a phone only the magnifier shows (its name stays "Search…"); from sm up, the field-like button. */}
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="mr-auto flex size-9 shrink-0 items-center justify-center gap-2 rounded-md border border-border bg-bg text-sm text-fg-muted hover:text-fg sm:w-auto sm:max-w-64 sm:min-w-0 sm:flex-1 sm:justify-start sm:px-3"
      >
        <Search className="size-4 shrink-0" aria-hidden />
        <span className="sr-only flex-1 truncate text-left sm:not-sr-only">Search…</span>
        <kbd className="hidden rounded border border-border px-1.5 text-xs sm:inline">Ctrl K</kbd>
      </button>
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed top-[12vh] left-1/2 z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-border bg-surface shadow-xl focus:outline-none"
          >
            <Dialog.Title className="sr-only">Search</Dialog.Title>
            <Command shouldFilter={false} label="Search customers, invoices, orders and payments" className="flex flex-col">
              <div className="flex items-center gap-2 border-b border-border px-4">
                <Search className="size-4 shrink-0 text-fg-muted" aria-hidden />
                <Command.Input
                  value={typed}
                  onValueChange={setTyped}
                  placeholder="Name, e-mail, invoice or order number, payment reference…"
                  className="h-12 w-full bg-transparent text-sm outline-none placeholder:text-fg-muted"
                />
              </div>
              <Command.List className="max-h-[60vh] overflow-y-auto p-2">
                {q.length < 2 ? <p className="px-3 py-6 text-center text-sm text-fg-muted">Type at least two characters.</p> : null}
                {results.isFetching && !found ? <Command.Loading>Searching…</Command.Loading> : null}
                {nothing ? <p className="px-3 py-6 text-center text-sm text-fg-muted">Nothing matches “{q}”.</p> : null}
                {/* A number typed in full puts its invoices and orders first, so Enter opens it. */}
                {numberFirst ? (
                  <>
                    {invoicesGroup}
                    {ordersGroup}
                    {customersGroup}
                  </>
                ) : (
                  <>
                    {customersGroup}
                    {invoicesGroup}
                    {ordersGroup}
                  </>
                )}
                {paymentsGroup}
              </Command.List>
            </Command>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
    </>
  );
}

function Group({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <Command.Group
      heading={heading}
      className="mb-1 [&_[cmdk-group-heading]]:px-3 [&_[cmdk-group-heading]]:py-1.5 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-fg-muted"
    >
      {children}
    </Command.Group>
  );
}

function Item({ value, onSelect, title, detail, status }: { value: string; onSelect: () => void; title: string; detail: string; status?: string }) {
  return (
    <Command.Item
      value={value}
      onSelect={onSelect}
      className="flex cursor-pointer items-center gap-3 rounded-md px-3 py-2 text-sm data-[selected=true]:bg-muted"
    >
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{title}</span>
        <span className="block truncate text-xs text-fg-muted">{detail}</span>
      </span>
      {status ? <StatusPill status={status} /> : null}
    </Command.Item>
  );
}
