import type { Database } from '@/db';
import { env } from '../env';
import { readSettingsBlock } from '../services/read-settings';
import { communicationSettings } from '../schemas/communication';
import { type EmailTransport, type SmsTransport, type WhatsAppTransport, outboxTransport, resendTransport, smsGateway, ultramsg } from './transports';

/** The channels as configured now: e-mail always (Resend or the outbox), SMS and WhatsApp when set up. */
export type Notifier = { email: EmailTransport; sms: SmsTransport | null; whatsapp: WhatsAppTransport | null };

export async function configuredNotifier(db: Database): Promise<Notifier> {
  const { RESEND_API_KEY, RESEND_BASE_URL, EMAIL_FROM } = env();
  const communication = await readSettingsBlock(db, 'communication', communicationSettings);
  return {
    email: RESEND_API_KEY ? resendTransport({ apiKey: RESEND_API_KEY, from: EMAIL_FROM, baseUrl: RESEND_BASE_URL }) : outboxTransport(db, EMAIL_FROM),
    sms: communication.sms ? smsGateway(communication.sms) : null,
    whatsapp: communication.whatsapp ? ultramsg(communication.whatsapp) : null,
  };
}
