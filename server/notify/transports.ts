import { eq } from 'drizzle-orm';
import { Resend } from 'resend';
import type { Database } from '@/db';
import { emailOutbox } from '@/db/schema';
import { excerpt, outboundRequest, PrivateAddressRefused, type OutboundResponse } from '../http/outbound';
import type { CommunicationSettings } from '../schemas/communication';

export type EmailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments: Array<{ filename: string; content: Uint8Array }>;
  template: string;
  /** The invoice it is about; none for mail to the desk (an order waiting for approval). */
  invoiceId?: string | null | undefined;
  /** The same key for a retried send: the provider delivers it once. */
  idempotencyKey: string;
};
export type TextMessage = { to: string; text: string };
export type DocumentMessage = { to: string; caption: string; filename: string; content: Uint8Array };

/** A provider's refusal, with what it said; the send is logged as failed with this detail. */
export class SendFailed extends Error {
  override name = 'SendFailed';
}

export interface EmailTransport {
  /** Resend, or the dev outbox: the send dialog says which. */
  readonly name: 'resend' | 'outbox';
  send(message: EmailMessage): Promise<{ id: string }>;
}
export interface SmsTransport {
  send(message: TextMessage): Promise<{ id: string }>;
}
export interface WhatsAppTransport {
  sendDocument(message: DocumentMessage): Promise<{ id: string }>;
}

export function resendTransport(options: { apiKey: string; from: string; baseUrl?: string | undefined }): EmailTransport {
  const client = new Resend(options.apiKey, options.baseUrl ? { baseUrl: options.baseUrl } : undefined);
  return {
    name: 'resend',
    async send(message) {
      const { data, error } = await client.emails.send(
        {
          from: options.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments.map((a) => ({ filename: a.filename, content: Buffer.from(a.content) })),
          tags: [{ name: 'template', value: message.template }],
        },
        { idempotencyKey: message.idempotencyKey },
      );
      if (error || !data) throw new SendFailed(`Resend: ${error?.message ?? 'no message id in the answer'}`);
      return { id: data.id };
    },
  };
}

/**
 * Without an e-mail provider, every message is kept for Admin → Outbox instead. Like Resend, it
 * keeps a message once per idempotency key: a retried send answers with the first one's id.
 */
export function outboxTransport(db: Database, from: string): EmailTransport {
  return {
    name: 'outbox',
    async send(message) {
      const [row] = await db
        .insert(emailOutbox)
        .values({
          from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          text: message.text,
          attachments: message.attachments.map((a) => a.filename),
          template: message.template,
          invoiceId: message.invoiceId ?? null,
          idempotencyKey: message.idempotencyKey,
        })
        .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
        .returning({ id: emailOutbox.id });
      const kept = row ?? (await db.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.idempotencyKey, message.idempotencyKey)))[0];
      return { id: `outbox:${kept!.id}` };
    },
  };
}

// A refusal keeps the status and a short excerpt of the answer, for the desk's log only.
function failUnlessOk(response: OutboundResponse, provider: string): unknown {
  if (!response.ok) throw new SendFailed(`${provider} answered ${response.status}: ${excerpt(response.text) || excerpt(response.statusText)}`);
  try {
    return JSON.parse(response.text) as unknown;
  } catch {
    return response.text;
  }
}

/** No answer at all (refused target, network, timeout) is a failed send too, said in our words. */
async function call(provider: string, request: Promise<OutboundResponse>): Promise<OutboundResponse> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof PrivateAddressRefused) throw new SendFailed(`${provider} was not called: ${error.message}`);
    throw new SendFailed(`${provider} did not answer: ${excerpt(error instanceof Error ? error.message : String(error))}`);
  }
}

const idIn = (body: unknown): string | undefined => {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  const id = record.id ?? record.message_id ?? record.messageId ?? record.sid;
  return id === undefined || id === null ? undefined : String(id);
};

/**
 * Any HTTP SMS gateway: the body template gets {to} and {message}, escaped for JSON when the
 * template is JSON and URL-encoded otherwise (GET puts it in the query string).
 */
export function smsGateway(config: NonNullable<CommunicationSettings['sms']>): SmsTransport {
  const json = config.body_template.trimStart().startsWith('{');
  const escape = (value: string) => (json ? JSON.stringify(value).slice(1, -1) : encodeURIComponent(value));
  const headers: Record<string, string> = { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' };
  if (config.auth_header) {
    const at = config.auth_header.indexOf(':');
    headers[config.auth_header.slice(0, at).trim()] = config.auth_header.slice(at + 1).trim();
  }
  return {
    async send(message) {
      const body = config.body_template.replaceAll('{to}', escape(message.to)).replaceAll('{message}', escape(message.text));
      const response = await call(
        'SMS gateway',
        config.method === 'GET'
          ? outboundRequest(`${config.url}${config.url.includes('?') ? '&' : '?'}${body}`, { method: 'GET', headers, signal: AbortSignal.timeout(15_000) })
          : outboundRequest(config.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) }),
      );
      const answer = failUnlessOk(response, 'SMS gateway');
      return { id: idIn(answer) ?? `http-${response.status}` };
    },
  };
}

/** Ultramsg's document message: the PDF itself, with a caption carrying the public link. */
export function ultramsg(config: NonNullable<CommunicationSettings['whatsapp']>): WhatsAppTransport {
  return {
    async sendDocument(message) {
      const form = new URLSearchParams({
        token: config.token,
        to: message.to,
        filename: message.filename,
        document: Buffer.from(message.content).toString('base64'),
        caption: message.caption,
      });
      const response = await call(
        'WhatsApp API',
        outboundRequest(`${config.base_url.replace(/\/$/, '')}/${encodeURIComponent(config.instance)}/messages/document`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
          signal: AbortSignal.timeout(30_000),
        }),
      );
      const answer = failUnlessOk(response, 'WhatsApp API');
      // Ultramsg answers 200 with {"error": ...} when it refuses.
      if (typeof answer === 'object' && answer !== null && 'error' in answer)
        throw new SendFailed(`WhatsApp API: ${excerpt(JSON.stringify((answer as { error: unknown }).error))}`);
      return { id: idIn(answer) ?? 'sent' };
    },
  };
}
