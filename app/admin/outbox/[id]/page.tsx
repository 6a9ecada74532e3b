import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { Card, PageHeader } from '../../../_components/ui/card';
import { recordId } from '../../../_lib/guard';
import { consoleFormats } from '../../../_lib/money';

export const metadata: Metadata = { title: 'Outbox message' };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const formats = await consoleFormats();
  const id = await recordId(params);
  const message = await (await api()).notify.outboxMessage({ id }).catch(() => notFound());
  return (
    <>
      <PageHeader title={message.subject} description={`To ${message.to} · from ${message.from} · ${formats.moment(message.createdAt)}`}>
        {message.invoiceId ? (
          <Link href={`/admin/invoices/${message.invoiceId}`} className="text-sm text-accent hover:underline">
            Open the invoice →
          </Link>
        ) : null}
      </PageHeader>
      {message.attachments.length > 0 ? <p className="mb-3 text-sm text-fg-muted">Attached: {message.attachments.join(', ')}</p> : null}
      <Card className="overflow-hidden">
        {/* The message's own HTML, sandboxed: no scripts, no access to the console. */}
        <iframe title="E-mail as sent" sandbox="" srcDoc={message.html} className="h-[70vh] w-full bg-white" />
      </Card>
      <details className="mt-4 text-sm">
        <summary className="cursor-pointer text-fg-muted">Plain-text version</summary>
        <pre className="mt-2 whitespace-pre-wrap rounded-md bg-muted p-3 text-xs">{message.text}</pre>
      </details>
    </>
  );
}
