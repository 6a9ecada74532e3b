import type { Database } from '@/db';
import { env } from '../env';
import { unseal } from '../payments/secret-box';
import { communicationSettings, type CommunicationSettings } from '../schemas/communication';
import { readSettingsBlock } from '../services/settings/read';
import { outboxTransport, resendTransport, smsGateway, ultramsg, type EmailTransport, type SmsTransport, type WhatsAppTransport } from './transports';

/** The channels as configured now: e-mail always (Resend or the outbox), SMS and WhatsApp when set up. */
export type Notifier = { email: EmailTransport; sms: SmsTransport | null; whatsapp: WhatsAppTransport | null };

/** The SMS and WhatsApp setup with its secrets opened, for the transports only. */
async function readCommunication(db: Database): Promise<CommunicationSettings> {
  const { sms, whatsapp } = await readSettingsBlock(db, 'communication', communicationSettings);
  return {
    sms: sms && { ...sms, auth_header: unseal(sms.auth_header) },
    whatsapp: whatsapp && { ...whatsapp, token: unseal(whatsapp.token) },
  };
}

export async function configuredNotifier(db: Database): Promise<Notifier> {
  const { RESEND_API_KEY, RESEND_BASE_URL, EMAIL_FROM } = env();
  const communication = await readCommunication(db);
  return {
    email: RESEND_API_KEY ? resendTransport({ apiKey: RESEND_API_KEY, from: EMAIL_FROM, baseUrl: RESEND_BASE_URL }) : outboxTransport(db, EMAIL_FROM),
    sms: communication.sms ? smsGateway(communication.sms) : null,
    whatsapp: communication.whatsapp ? ultramsg(communication.whatsapp) : null,
  };
}
