import { z } from 'zod';
import { templateKeys } from '@/emails/templates';

const url = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/**
 * Settings → Communication: the SMS gateway (any HTTP API: the body template gets {to} and
 * {message}) and an Ultramsg-compatible WhatsApp API. A channel left out is not configured.
 */
export const communicationSettings = z.object({
  sms: z
    .object({
      url,
      method: z.enum(['POST', 'GET']).default('POST'),
      // A whole header line, e.g. "Authorization: Bearer abc" or "X-Api-Key: abc".
      auth_header: z
        .string()
        .trim()
        .max(500)
        .regex(/^$|^[A-Za-z0-9-]+:\s*\S/, 'must look like "Header-Name: value"')
        .default(''),
      body_template: z.string().trim().min(1, 'is required').max(2000).default('{"to":"{to}","text":"{message}"}'),
    })
    .nullable()
    .default(null),
  whatsapp: z
    .object({
      base_url: url.default('https://api.ultramsg.com'),
      instance: z.string().trim().min(1, 'is required').max(100),
      token: z.string().trim().min(1, 'is required').max(200),
    })
    .nullable()
    .default(null),
});
export type CommunicationSettings = z.infer<typeof communicationSettings>;

const templateText = z.object({
  subject: z.string().trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  intro: z.string().trim().min(1, 'is required').max(2000, 'must be at most 2000 characters'),
});

/** The admin's wording per template (subject and intro); templates not edited use the default. */
export const emailTemplateSettings = z.partialRecord(z.enum(templateKeys), templateText).default({});
export const emailTemplateInput = templateText.extend({ template: z.enum(templateKeys) });
