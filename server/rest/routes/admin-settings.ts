import { z } from 'zod';
import { securitySettings } from '../../schemas/account';
import { automationSettings, automationSettingsInput } from '../../schemas/automation';
import { id, listInput } from '../../schemas/common';
import {
  communicationRulesInput,
  communicationRulesView,
  communicationSettingsInput,
  communicationView,
  emailTemplateKeyInput,
  emailTemplateLocaleInput,
  emailTemplateOutput,
  emailTemplateText,
} from '../../schemas/communication';
import { companySettings, companySettingsPatch } from '../../schemas/company';
import { plainDate } from '../../schemas/invoices';
import { paymentSettingsInput, paymentSettingsView } from '../../schemas/payments';
import { getAutomationSettings, updateAutomationSettings } from '../../services/automation/settings';
import { retryJob, runWorkflowNow } from '../../services/automation/workflows';
import { getOutboxMessage, listOutbox } from '../../services/notifications/outbox';
import { getCommunication, listTemplates, previewTemplate, saveTemplate, updateCommunication, type TemplateView } from '../../services/settings/communication';
import { getCommunicationRules, updateCommunicationRules } from '../../services/settings/communication-rules';
import { getCompany, updateCompany } from '../../services/settings/company';
import { getPaymentSettings, updatePaymentSettings } from '../../services/settings/payments';
import { getSecuritySettings, updateSecuritySettings } from '../../services/settings/security';
import { defineRoute } from '../handler';

// Settings → Company, Payments, Communication, Automation and Security, e-mail templates, the
// outbox and the automator's jobs: admins only (settings.manage; running a workflow billing.run).

const tag = 'Settings';
const permission = 'settings.manage';

export const getCompanyRoute = defineRoute(
  {
    method: 'GET',
    path: '/settings/company',
    summary: 'The seller: printed on every document and signed under e-mails',
    tag,
    permission,
    response: companySettings,
  },
  ({ ctx }) => getCompany(ctx),
);

export const patchCompanyRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/settings/company',
    summary: 'Change any of the seller’s fields; `logo` is a PNG or JPEG data: URL, null removes it',
    tag,
    permission,
    body: companySettingsPatch,
    response: companySettings,
  },
  ({ ctx, body }) => updateCompany(ctx, body),
);

export const getPaymentSettingsRoute = defineRoute(
  {
    method: 'GET',
    path: '/settings/payments',
    summary: 'Payment methods; for each secret only where it comes from (settings, environment or missing), never its value',
    tag,
    permission,
    response: paymentSettingsView,
  },
  ({ ctx }) => getPaymentSettings(ctx),
);

export const putPaymentSettingsRoute = defineRoute(
  {
    method: 'PUT',
    path: '/settings/payments',
    summary: 'Replace the payment settings as the console’s form does; a secret sent empty keeps the saved one',
    tag,
    permission,
    body: paymentSettingsInput,
    response: paymentSettingsView,
  },
  ({ ctx, body }) => updatePaymentSettings(ctx, body),
);

export const getCommunicationRoute = defineRoute(
  {
    method: 'GET',
    path: '/settings/communication',
    summary: 'The SMS gateway and WhatsApp API; whether a secret is saved, never the secret',
    tag,
    permission,
    response: communicationView,
  },
  ({ ctx }) => getCommunication(ctx),
);

export const putCommunicationRoute = defineRoute(
  {
    method: 'PUT',
    path: '/settings/communication',
    summary:
      'Replace the SMS and WhatsApp setup; a channel sent as null is switched off. An empty auth header or token keeps the saved one; a private address → 400',
    tag,
    permission,
    body: communicationSettingsInput,
    response: communicationView,
  },
  ({ ctx, body }) => updateCommunication(ctx, body),
);

export const getCommunicationRulesRoute = defineRoute(
  {
    method: 'GET',
    path: '/settings/communication/rules',
    summary:
      'Per event (invoice_created, reminder, overdue, suspended, reactivated, payment_received): the channels automatic notifications use and the SMS and WhatsApp texts; and which channels are configured',
    tag,
    permission,
    response: communicationRulesView,
  },
  ({ ctx }) => getCommunicationRules(ctx),
);

export const putCommunicationRulesRoute = defineRoute(
  {
    method: 'PUT',
    path: '/settings/communication/rules',
    summary:
      'Replace every event’s rule. Texts may use {customer_name} {invoice_number} {amount} {total} {due_date} {link} {company}; any other placeholder → 400 naming it',
    tag,
    permission,
    body: communicationRulesInput,
    response: communicationRulesView,
  },
  ({ ctx, body }) => updateCommunicationRules(ctx, body),
);

export const getAutomationRoute = defineRoute(
  {
    method: 'GET',
    path: '/settings/automation',
    summary: 'The time zone the daily billing and dunning runs are scheduled in',
    tag,
    permission,
    response: automationSettings,
  },
  ({ ctx }) => getAutomationSettings(ctx),
);

export const patchAutomationRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/settings/automation',
    summary: 'Set the schedules’ time zone (an IANA name such as Europe/Berlin)',
    tag,
    permission,
    body: automationSettingsInput,
    response: automationSettings,
  },
  ({ ctx, body }) => updateAutomationSettings(ctx, body),
);

export const getSecurityRoute = defineRoute(
  {
    method: 'GET',
    path: '/settings/security',
    summary: 'Whether console users must sign in with two-factor authentication',
    tag,
    permission,
    response: securitySettings,
  },
  ({ ctx }) => getSecuritySettings(ctx),
);

export const patchSecurityRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/settings/security',
    summary: 'Require (or stop requiring) two-factor sign-in for the console',
    tag,
    permission,
    body: securitySettings.strict(),
    response: securitySettings,
  },
  ({ ctx, body }) => updateSecuritySettings(ctx, body),
);

const templateJson = (t: TemplateView): z.input<typeof emailTemplateOutput> => ({
  key: t.key,
  label: t.label,
  locale: t.locale,
  subject: t.subject,
  intro: t.intro,
  edited: t.edited,
  attach_pdf: t.attachPdf,
});

export const listEmailTemplatesRoute = defineRoute(
  {
    method: 'GET',
    path: '/email-templates',
    summary: 'Every e-mail’s subject and intro as sent in one locale (`?locale=`, default the desk’s; `edited`: changed from the built-in text)',
    tag,
    permission,
    query: emailTemplateLocaleInput,
    response: z.object({ data: z.array(emailTemplateOutput) }),
  },
  async ({ ctx, query }) => ({ data: (await listTemplates(ctx, query)).map(templateJson) }),
);

export const putEmailTemplateRoute = defineRoute(
  {
    method: 'PUT',
    path: '/email-templates/{template}',
    summary: 'Set a template’s subject and intro in one locale (`locale`, default the desk’s; placeholders such as {number} are filled when sent)',
    tag,
    permission,
    params: emailTemplateKeyInput,
    body: emailTemplateText,
    response: emailTemplateOutput,
  },
  async ({ ctx, params, body }) => {
    await saveTemplate(ctx, { ...body, template: params.template });
    const saved = (await listTemplates(ctx, body)).find((t) => t.key === params.template);
    return templateJson(saved!);
  },
);

export const previewEmailTemplateRoute = defineRoute(
  {
    method: 'POST',
    path: '/email-templates/{template}/preview',
    summary: 'The e-mail a customer would get with this subject and intro, on sample data; nothing is saved',
    tag,
    permission,
    params: emailTemplateKeyInput,
    body: emailTemplateText,
    response: z.object({ subject: z.string(), html: z.string() }),
  },
  ({ ctx, params, body }) => previewTemplate(ctx, { ...body, template: params.template }),
);

const outboxSummary = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  template: z.string(),
  attachments: z.array(z.string()),
  invoice_id: z.string().nullable(),
  created_at: z.string(),
});

export const listOutboxRoute = defineRoute(
  {
    method: 'GET',
    path: '/outbox',
    summary: 'The newest e-mails of the outbox (sent while no mail provider is configured), without their bodies',
    tag,
    permission,
    query: listInput.pick({ limit: true }),
    response: z.object({ data: z.array(outboxSummary) }),
  },
  async ({ ctx, query }) => ({
    data: (await listOutbox(ctx, query)).map((m) => ({
      id: m.id,
      to: m.to,
      subject: m.subject,
      template: m.template,
      attachments: m.attachments,
      invoice_id: m.invoiceId,
      created_at: m.createdAt.toISOString(),
    })),
  }),
);

export const getOutboxMessageRoute = defineRoute(
  {
    method: 'GET',
    path: '/outbox/{id}',
    summary: 'One outbox e-mail with its HTML and text',
    tag,
    permission,
    params: z.object({ id }),
    response: outboxSummary.extend({ from: z.string(), html: z.string(), text: z.string() }),
  },
  async ({ ctx, params }) => {
    const m = await getOutboxMessage(ctx, params);
    return {
      id: m.id,
      from: m.from,
      to: m.to,
      subject: m.subject,
      html: m.html,
      text: m.text,
      template: m.template,
      attachments: m.attachments,
      invoice_id: m.invoiceId,
      created_at: m.createdAt.toISOString(),
    };
  },
);

export const retryJobRoute = defineRoute(
  {
    method: 'POST',
    path: '/jobs/{id}/retry',
    summary: 'Run a failed job again from its first unfinished step; a job that did not fail → 409 invalid_state',
    tag: 'Billing runs',
    permission,
    params: z.object({ id }),
    response: z.object({ id: z.string(), status: z.literal('queued') }),
  },
  async ({ ctx, params }) => {
    await retryJob(ctx, params);
    return { id: params.id, status: 'queued' as const };
  },
);

export const runWorkflowRoute = defineRoute(
  {
    method: 'POST',
    path: '/workflows/{id}/run',
    summary: 'Start the billing run or dunning for a date (default today in the schedules’ time zone) in the background; follow it in GET /jobs by `event_id`',
    tag: 'Billing runs',
    permission: 'billing.run',
    params: z.object({ id: z.enum(['billing-run', 'dunning'], { error: 'must be billing-run or dunning' }) }),
    body: z.strictObject({ date: plainDate.optional() }),
    response: z.object({ event_id: z.string() }),
    status: 202,
  },
  async ({ ctx, params, body }) => ({ event_id: (await runWorkflowNow(ctx, { workflow: params.id, date: body.date })).eventId }),
);
