import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { KeyboardRows } from '../../_components/console/keyboard-rows';
import { navigableRow } from '../../_components/console/navigable-row';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { humanize } from '../../_lib/format';
import { consoleFormats } from '../../_lib/money';

export const metadata: Metadata = { title: 'Outbox' };

export default async function OutboxPage() {
  const formats = await consoleFormats();
  const messages = await (await api()).notify.outbox({ limit: 100 });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="No e-mail provider is set (RESEND_API_KEY), so every e-mail is kept here as customers would get it. The newest 100."
      />
      <Card className="overflow-hidden">
        <KeyboardRows label="Outbox" className="max-h-[70vh] overflow-auto">
          <DataTable
            label="Outbox"
            columns={[{ label: 'Sent' }, { label: 'To' }, { label: 'Subject' }, { label: 'Template' }, { label: 'Attached' }]}
            empty={messages.length === 0 ? 'Nothing sent yet. Send an invoice by e-mail and it shows here.' : undefined}
          >
            {messages.map((m) => (
              <tr key={m.id} data-href={`/admin/outbox/${m.id}`} tabIndex={-1} className={`hover:bg-muted/40 ${navigableRow}`}>
                <td className="px-4 py-2.5 whitespace-nowrap text-fg-muted">{formats.moment(m.createdAt)}</td>
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
          </DataTable>
        </KeyboardRows>
      </Card>
    </>
  );
}
