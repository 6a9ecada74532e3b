import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { KeyboardRows, navigableRow } from '../../_components/console/keyboard-rows';
import { Card, PageHeader } from '../../_components/ui/card';
import { formatMoment, humanize } from '../../_lib/format';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const messages = await (await api()).notify.outbox({ limit: 100 });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="No e-mail provider is set (RESEND_API_KEY), so every e-mail is kept here as customers would get it. The newest 100."
      />
      <Card className="overflow-hidden">
        <KeyboardRows label="Outbox" className="max-h-[70vh] overflow-auto">
          <table className="w-full text-sm" aria-label="Outbox">
            <thead className="sticky top-0 z-10 border-b border-border bg-muted text-left text-xs uppercase tracking-wide text-fg-muted">
              <tr>
                <th className="px-4 py-2.5 font-medium">Sent</th>
                <th className="px-4 py-2.5 font-medium">To</th>
                <th className="px-4 py-2.5 font-medium">Subject</th>
                <th className="px-4 py-2.5 font-medium">Template</th>
                <th className="px-4 py-2.5 font-medium">Attached</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {messages.map((m) => (
                <tr key={m.id} data-href={`/admin/outbox/${m.id}`} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
                  <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{formatMoment(m.createdAt)}</td>
                  <td className="px-4 py-2.5">{m.to}</td>
                  <td className="px-4 py-2.5">
                    <Link href={`/admin/outbox/${m.id}`} className="font-medium hover:underline">
                      {m.subject}
                    </Link>
                  </td>
                  <td className="px-4 py-2.5 capitalize">{humanize(m.template)}</td>
                  <td className="px-4 py-2.5 text-fg-muted">{m.attachments.join(', ') || '—'}</td>
                </tr>
              ))}
              {messages.length === 0 ? (
                <tr>
                  <td colSpan={5} className="px-4 py-12 text-center text-fg-muted">
                    Nothing sent yet. Send an invoice by e-mail and it shows here.
                  </td>
                </tr>
              ) : null}
            </tbody>
          </table>
        </KeyboardRows>
      </Card>
    </>
  );
}
