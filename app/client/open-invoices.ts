import 'server-only';
import { api } from '@/server/api/server-caller';

/** What a client sees first: status order, then the earliest due date. */
const urgency = { overdue: 0, partial: 1, pending: 2 } as const;
type Open = keyof typeof urgency;
const openStatuses = Object.keys(urgency) as Open[];

export const isOpen = (status: string): status is Open => status in urgency;

/**
 * The signed-in client's invoices that still ask for money: overdue first, then part-paid and
 * pending, each by due date. Read through the same scoped procedure as every list.
 */
export async function openInvoices() {
  const trpc = await api();
  const pages = await Promise.all(openStatuses.map((status) => trpc.invoices.list({ status, limit: 200 })));
  return pages
    .flatMap((page) => page.items)
    .filter((invoice) => invoice.balance > 0n && invoice.kind !== 'credit_note')
    .sort((a, b) => urgency[a.status as Open] - urgency[b.status as Open] || a.dueDate.localeCompare(b.dueDate));
}
