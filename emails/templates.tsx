import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { Locale } from '@/i18n/locales';
import type { translator } from '@/i18n/translator';
import type { TemplateKey } from './template-keys';

/**
 * What every invoice e-mail can say; a template picks what it needs. Amounts and dates come
 * formatted in the reader's locale.
 */
export type InvoiceMailData = {
  company: string;
  customerName: string;
  documentTitle: string;
  number: string;
  total: string;
  balance: string;
  dueDate: string;
  issueDate: string;
  publicUrl: string;
  paymentLink?: string | undefined;
  amount?: string | undefined;
  serviceName?: string | undefined;
  sources?: string[] | undefined;
  /** A disabled webhook endpoint: since when every attempt failed, and what the last one got. */
  failingSince?: string | undefined;
  lastAnswer?: string | undefined;
};

/** The `email` messages in the reader's locale, and that locale (the mail's lang). */
export type MailLanguage = { locale: Locale; t: Awaited<ReturnType<typeof translator<'email'>>> };
type MailText = MailLanguage['t'];

/** A template's subject and intro. Placeholders: {company} {number} {document} {customer}. */
export type Wording = { subject: string; intro: string };

type Template = {
  /** The console's name for it (the console is English). */
  label: string;
  body: (data: InvoiceMailData, t: MailText) => ReactNode;
  /** Whether the document's PDF goes with it. */
  attachPdf: boolean;
  /** Who reads it: the customer (the default), or the desk's admins. */
  audience?: 'admin';
};

const Row = ({ label, value }: { label: string; value: string }) => (
  <Text style={{ margin: '2px 0', fontSize: 14 }}>
    <span style={{ color: '#6b7280' }}>{label}: </span>
    <strong>{value}</strong>
  </Text>
);

const PayButton = ({ data, t }: { data: InvoiceMailData; t: MailText }) => (
  <Section style={{ margin: '20px 0' }}>
    <Button href={data.publicUrl} style={{ background: '#2563eb', color: '#ffffff', padding: '10px 18px', borderRadius: 6, fontSize: 14 }}>
      {t('viewAndPay', { number: data.number })}
    </Button>
    {data.paymentLink ? (
      <Text style={{ margin: '12px 0 0', fontSize: 14 }}>{t.rich('payByCard', { link: (chunks) => <Link href={data.paymentLink}>{chunks}</Link> })}</Text>
    ) : null}
  </Section>
);

const amountDue = (data: InvoiceMailData, t: MailText) => (
  <>
    <Row label={data.documentTitle} value={data.number} />
    <Row label={t('row.amountDue')} value={data.balance} />
    <Row label={t('row.dueDate')} value={data.dueDate} />
    <PayButton data={data} t={t} />
  </>
);

// Subjects and intros live in messages/<locale>/email.json (templates.<key>), one per locale.
export const templates = {
  invoice_created: { label: 'Invoice created', body: amountDue, attachPdf: true },
  payment_received: {
    label: 'Payment received (receipt)',
    body: (data, t) => (
      <>
        <Row label={t('row.paid')} value={data.amount ?? data.total} />
        <Row label={data.documentTitle} value={data.number} />
        <Row label={t('row.stillOpen')} value={data.balance} />
      </>
    ),
    attachPdf: true,
  },
  payment_reminder: { label: 'Payment reminder (before due)', body: amountDue, attachPdf: false },
  overdue_notice: { label: 'Overdue notice', body: amountDue, attachPdf: true },
  final_notice: { label: 'Final notice', body: amountDue, attachPdf: true },
  service_suspended: {
    label: 'Service suspended',
    body: (data, t) => (
      <>
        {data.serviceName ? <Row label={t('row.service')} value={data.serviceName} /> : null}
        <Row label={t('row.amountDue')} value={data.balance} />
        <PayButton data={data} t={t} />
      </>
    ),
    attachPdf: false,
  },
  service_unsuspended: {
    label: 'Service reactivated',
    body: (data, t) => (data.serviceName ? <Row label={t('row.service')} value={data.serviceName} /> : null),
    attachPdf: false,
  },
  order_activated: {
    label: 'Order activated',
    body: (data) => <Row label={data.documentTitle} value={data.number} />,
    attachPdf: false,
  },
  refund_issued: {
    label: 'Refund issued',
    body: (data, t) => (
      <>
        <Row label={t('row.refunded')} value={data.amount ?? data.total} />
        <Row label={data.documentTitle} value={data.number} />
      </>
    ),
    attachPdf: false,
  },
  consolidated_invoice: {
    label: 'Consolidated invoice',
    body: (data, t) => (
      <>
        {data.sources?.length ? <Row label={t('row.replaces')} value={data.sources.join(', ')} /> : null}
        {amountDue(data, t)}
      </>
    ),
    attachPdf: true,
  },
  order_awaiting_approval: {
    label: 'Order awaiting approval (to admins)',
    body: (data, t) => (
      <>
        <Row label={t('row.order')} value={data.number} />
        <Row label={t('row.customer')} value={data.customerName} />
        <Row label={t('row.total')} value={data.total} />
        <Section style={{ margin: '20px 0' }}>
          <Button href={data.publicUrl} style={{ background: '#2563eb', color: '#ffffff', padding: '10px 18px', borderRadius: 6, fontSize: 14 }}>
            {t('reviewOrder', { number: data.number })}
          </Button>
        </Section>
      </>
    ),
    attachPdf: false,
    audience: 'admin',
  },
  webhook_endpoint_disabled: {
    label: 'Webhook endpoint disabled (to admins)',
    body: (data, t) => (
      <>
        <Row label={t('row.endpoint')} value={data.number} />
        <Row label={t('row.failingSince')} value={data.failingSince ?? ''} />
        <Row label={t('row.lastAnswer')} value={data.lastAnswer ?? ''} />
        <Section style={{ margin: '20px 0' }}>
          <Button href={data.publicUrl} style={{ background: '#2563eb', color: '#ffffff', padding: '10px 18px', borderRadius: 6, fontSize: 14 }}>
            {t('openEndpoint')}
          </Button>
        </Section>
      </>
    ),
    attachPdf: false,
    audience: 'admin',
  },
} satisfies Record<TemplateKey, Template>;

/** A template's own subject and intro in a locale, as written before any admin edits it. */
export function builtInWording({ t }: MailLanguage, key: TemplateKey): Wording {
  // Raw: the placeholders are ours (filled by fillSubject), not ICU arguments.
  return { subject: t.raw(`templates.${key}.subject`) as string, intro: t.raw(`templates.${key}.intro`) as string };
}

/** Fills {company} {number} {document} {customer}; unknown placeholders stay as typed. */
export function fillSubject(subject: string, data: InvoiceMailData): string {
  const values: Record<string, string> = { company: data.company, number: data.number, document: data.documentTitle, customer: data.customerName };
  return subject.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** One e-mail, in the reader's language: the template's body under the intro the admin wrote. */
export function InvoiceEmail({ template, intro, data, language }: { template: TemplateKey; intro: string; data: InvoiceMailData; language: MailLanguage }) {
  const { t } = language;
  return (
    <Html lang={language.locale}>
      <Head />
      <Preview>{intro}</Preview>
      <Body style={{ background: '#f3f4f6', fontFamily: 'Helvetica, Arial, sans-serif', color: '#111827' }}>
        <Container style={{ background: '#ffffff', margin: '24px auto', padding: '24px 28px', borderRadius: 8, maxWidth: 560 }}>
          <Heading as="h2" style={{ margin: '0 0 12px', fontSize: 18 }}>
            {data.company}
          </Heading>
          <Text style={{ fontSize: 14 }}>
            {(templates[template] as Template).audience === 'admin' ? t('greetingAdmin') : t('greeting', { name: data.customerName })}
          </Text>
          <Text style={{ fontSize: 14, whiteSpace: 'pre-line' }}>{intro}</Text>
          {templates[template].body(data, t)}
          <Hr style={{ borderColor: '#e5e7eb', margin: '20px 0 12px' }} />
          <Text style={{ fontSize: 12, color: '#6b7280' }}>
            {t('footer', { document: data.documentTitle, number: data.number, date: data.issueDate, link: data.publicUrl })}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
