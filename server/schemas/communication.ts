import { z } from 'zod';
import { templateKeys } from '@/emails/template-keys';
import { localeInput, locales } from '@/i18n/locales';
import english from '@/messages/en/email.json';
import { unknownPlaceholders } from '@/server/notify/placeholders';

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

/**
 * The admin's wording per template and locale (subject and intro); a template not edited in a
 * locale reads as that locale's built-in text (messages/<locale>/email.json).
 */
export const emailTemplateSettings = z.partialRecord(z.enum(templateKeys), z.partialRecord(z.enum(locales), templateText)).default({});
export const emailTemplateKeyInput = z.object({ template: z.enum(templateKeys) });
/** Which locale's wording to read or write; left out, the desk's default locale. */
export const emailTemplateLocaleInput = z.object({ locale: localeInput.optional() });
export const emailTemplateText = z.strictObject({ ...templateText.shape, ...emailTemplateLocaleInput.shape });
export const emailTemplateInput = emailTemplateText.extend(emailTemplateKeyInput.shape);
export const emailTemplateOutput = z.object({
  key: z.enum(templateKeys),
  label: z.string(),
  locale: z.enum(locales),
  subject: z.string(),
  intro: z.string(),
  edited: z.boolean().describe('this locale’s text was changed from the built-in one'),
  attach_pdf: z.boolean(),
});

/** The events a communication rule is set for, in the order the console lists them. */
export const communicationEvents = ['invoice_created', 'reminder', 'overdue', 'suspended', 'reactivated', 'payment_received'] as const;
export type CommunicationEvent = (typeof communicationEvents)[number];
export const communicationEventNames: Record<CommunicationEvent, string> = {
  invoice_created: 'Invoice created',
  reminder: 'Payment reminder',
  overdue: 'Overdue notice',
  suspended: 'Service suspended',
  reactivated: 'Service reactivated',
  payment_received: 'Payment received',
};

const ruleChannels = z.object({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() });
const ruleTexts = { sms_text: z.string(), whatsapp_text: z.string() };

// Nothing saved is what was sent before rules existed: e-mail for what sent e-mail, and nothing
// for a suspension or reactivation, which no message told of.
const defaultRule = (event: CommunicationEvent, sms: string, whatsapp: string) => ({
  channels: { email: event !== 'suspended' && event !== 'reactivated', sms: false, whatsapp: false },
  sms_text: sms,
  whatsapp_text: whatsapp,
});
// The texts are the English messages' (messages/en/email.json rules.*); a customer whose rule
// still reads so gets them in their own language (server/services/invoices/send.tsx).
export const defaultCommunicationRules = Object.fromEntries(
  communicationEvents.map((event) => [event, defaultRule(event, english.rules[event].sms, english.rules[event].whatsapp)]),
) as Record<CommunicationEvent, ReturnType<typeof defaultRule>>;

/**
 * Settings → Communication rules as stored (key `communication_rules`): per event, the channels
 * an automatic notification goes out on and the SMS and WhatsApp texts. An event never saved
 * reads as its default.
 */
export const communicationRules = z.object(
  Object.fromEntries(
    communicationEvents.map((event) => [event, z.object({ channels: ruleChannels, ...ruleTexts }).default(defaultCommunicationRules[event])]),
  ) as {
    [E in CommunicationEvent]: z.ZodDefault<z.ZodObject<{ channels: typeof ruleChannels } & typeof ruleTexts>>;
  },
);
export type CommunicationRules = z.infer<typeof communicationRules>;
export type CommunicationRule = CommunicationRules[CommunicationEvent];

// An SMS is kept to what a gateway takes as a few concatenated parts; WhatsApp captions to 1024.
const ruleText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      const unknown = unknownPlaceholders(text);
      if (unknown.length > 0)
        ctx.addIssue({ code: 'custom', message: `unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((n) => `{${n}}`).join(', ')}` });
    });

/** One event's rule as the form and PUT /api/v1/settings/communication/rules send it. */
export const communicationRuleInput = z.strictObject({
  channels: z.strictObject({ email: z.boolean(), sms: z.boolean(), whatsapp: z.boolean() }),
  sms_text: ruleText(480),
  whatsapp_text: ruleText(1024),
});

/** Every event's rule: the whole table is replaced at once. */
export const communicationRulesInput = z.strictObject(
  Object.fromEntries(communicationEvents.map((event) => [event, communicationRuleInput])) as { [E in CommunicationEvent]: typeof communicationRuleInput },
);
export type CommunicationRulesInput = z.infer<typeof communicationRulesInput>;

/** The rules, and which of their channels can send now (an unticked-able warning in the form). */
export const communicationRulesView = z.object({
  rules: communicationRulesInput,
  configured: z
    .object({ email: z.literal(true), sms: z.boolean(), whatsapp: z.boolean() })
    .describe('a channel not configured is skipped, and the skip logged'),
});
export type CommunicationRulesView = z.infer<typeof communicationRulesView>;
