import { z } from 'zod';
import { templateKeys } from '@/emails/template-keys';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const method = z.enum(['POST', 'GET']).default('POST');
const defaultBody = '{"to":"{to}","text":"{message}"}';

/**
 * Settings → Communication as stored: the SMS gateway (any HTTP API: the body template gets {to}
 * and {message}) and an Ultramsg-compatible WhatsApp API; a channel left out is not configured.
 * The SMS auth header and the WhatsApp token are sealed (server/payments/secret-box.ts); rows
 * saved before that hold them in plain text, which reads the same. Values were checked when
 * saved, so reading only fills defaults.
 */
export const communicationSettings = z.object({
  sms: z
    .object({ url: z.string(), method, auth_header: z.string().default(''), body_template: z.string().default(defaultBody) })
    .nullable()
    .default(null),
  whatsapp: z
    .object({ base_url: z.string().default('https://api.ultramsg.com'), instance: z.string(), token: z.string() })
    .nullable()
    .default(null),
});
/** The channels' configuration with secrets open, as the transports use it. */
export type CommunicationSettings = z.infer<typeof communicationSettings>;

/**
 * What the Settings → Communication form sends. The form never receives the secrets back: an
 * empty auth header or token keeps the saved one, and `remove_auth_header` drops the header.
 */
export const communicationSettingsInput = z.strictObject({
  sms: z
    .strictObject({
      url,
      method,
      // A whole header line, e.g. "Authorization: Bearer abc" or "X-Api-Key: abc".
      auth_header: z
        .string()
        .trim()
        .max(500)
        .regex(/^$|^[A-Za-z0-9-]+:\s*\S/, 'must look like "Header-Name: value"')
        .default(''),
      remove_auth_header: z.boolean().default(false),
      body_template: z.string().trim().min(1, 'is required').max(2000).default(defaultBody),
    })
    .nullable()
    .default(null),
  whatsapp: z
    .strictObject({
      base_url: url.default('https://api.ultramsg.com'),
      instance: z.string().trim().min(1, 'is required').max(100),
      token: z.string().trim().max(200).default(''),
    })
    .nullable()
    .default(null),
});
export type CommunicationSettingsInput = z.infer<typeof communicationSettingsInput>;

/** Settings → Communication as the console reads it: whether a secret is saved, never the secret. */
export const communicationView = z.object({
  sms: z.object({ url: z.string(), method: z.enum(['POST', 'GET']), body_template: z.string(), auth_header_set: z.boolean() }).nullable(),
  whatsapp: z.object({ base_url: z.string(), instance: z.string(), token_set: z.boolean() }).nullable(),
});
export type CommunicationView = z.infer<typeof communicationView>;

const templateText = z.object({
  subject: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  intro: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
});

/** The admin's wording per template (subject and intro); templates not edited use the default. */
export const emailTemplateSettings = z.partialRecord(z.enum(templateKeys), templateText).default({});
export const emailTemplateKeyInput = z.object({ template: z.enum(templateKeys) });
export const emailTemplateText = z.strictObject(templateText.shape);
export const emailTemplateInput = templateText.extend(emailTemplateKeyInput.shape);
export const emailTemplateOutput = z.object({
  key: z.enum(templateKeys),
  label: z.string(),
  subject: z.string(),
  intro: z.string(),
  edited: z.boolean(),
  attach_pdf: z.boolean(),
});
