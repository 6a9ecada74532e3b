import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';
import type { TemplateKey } from './template-keys';

/** What every invoice e-mail can say; a template picks what it needs. */
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

type Template = {
  label: string;
  /** Placeholders: {company} {number} {document} {customer}. */
  subject: string;
  intro: string;
  body: (data: InvoiceMailData) => ReactNode;
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

const PayButton = ({ data }: { data: InvoiceMailData }) => (
  <Section style={{ margin: '20px 0' }}>
    <Button href={data.publicUrl} style={{ background: '#2563eb', color: '#ffffff', padding: '10px 18px', borderRadius: 6, fontSize: 14 }}>
      View and pay {data.number}
    </Button>
    {data.paymentLink ? (
      <Text style={{ margin: '12px 0 0', fontSize: 14 }}>
        Or <Link href={data.paymentLink}>pay by card now</Link>.
      </Text>
    ) : null}
  </Section>
);

const amountDue = (data: InvoiceMailData) => (
  <>
    <Row label={data.documentTitle} value={data.number} />
    <Row label="Amount due" value={data.balance} />
    <Row label="Due date" value={data.dueDate} />
    <PayButton data={data} />
  </>
);

export const templates = {
  invoice_created: {
    label: 'Invoice created',
    subject: '{document} {number} from {company}',
    intro: 'Your new invoice is ready. You can view, download and pay it online.',
    body: amountDue,
    attachPdf: true,
  },
  payment_received: {
    label: 'Payment received (receipt)',
    subject: 'Payment received for {number}',
    intro: 'Thank you: we received your payment.',
    body: (data) => (
      <>
        <Row label="Paid" value={data.amount ?? data.total} />
        <Row label={data.documentTitle} value={data.number} />
        <Row label="Still open" value={data.balance} />
      </>
    ),
    attachPdf: true,
  },
  payment_reminder: {
    label: 'Payment reminder (before due)',
    subject: 'Reminder: {number} is due soon',
    intro: 'A friendly reminder that this invoice falls due soon.',
    body: amountDue,
    attachPdf: false,
  },
  overdue_notice: {
    label: 'Overdue notice',
    subject: 'Overdue: {number}',
    intro: 'This invoice is past its due date. Please pay it to keep your services running.',
    body: amountDue,
    attachPdf: true,
  },
  final_notice: {
    label: 'Final notice',
    subject: 'Final notice: {number} is still unpaid',
    intro: 'This is our last reminder: this invoice is still unpaid. Please pay it now to avoid the suspension of your services.',
    body: amountDue,
    attachPdf: true,
  },
  service_suspended: {
    label: 'Service suspended',
    subject: 'Service suspended: {number} is unpaid',
    intro: 'We suspended a service because its invoice is unpaid. Paying it reactivates the service.',
    body: (data) => (
      <>
        {data.serviceName ? <Row label="Service" value={data.serviceName} /> : null}
        <Row label="Amount due" value={data.balance} />
        <PayButton data={data} />
      </>
    ),
    attachPdf: false,
  },
  service_unsuspended: {
    label: 'Service reactivated',
    subject: 'Service reactivated',
    intro: 'Thank you for your payment: your service is running again.',
    body: (data) => (data.serviceName ? <Row label="Service" value={data.serviceName} /> : null),
    attachPdf: false,
  },
  order_activated: {
    label: 'Order activated',
    subject: 'Your order is active',
    intro: 'Your order is paid and live. Thank you for your business.',
    body: (data) => <Row label={data.documentTitle} value={data.number} />,
    attachPdf: false,
  },
  refund_issued: {
    label: 'Refund issued',
    subject: 'Refund for {number}',
    intro: 'We issued a refund. Depending on your bank it can take a few days to show.',
    body: (data) => (
      <>
        <Row label="Refunded" value={data.amount ?? data.total} />
        <Row label={data.documentTitle} value={data.number} />
      </>
    ),
    attachPdf: false,
  },
  consolidated_invoice: {
    label: 'Consolidated invoice',
    subject: 'One invoice for your open balance: {number}',
    intro: 'We combined your open invoices into one, so there is a single amount to pay.',
    body: (data) => (
      <>
        {data.sources?.length ? <Row label="Replaces" value={data.sources.join(', ')} /> : null}
        {amountDue(data)}
      </>
    ),
    attachPdf: true,
  },
  order_awaiting_approval: {
    label: 'Order awaiting approval (to admins)',
    subject: 'Approve order {number} from {customer}',
    intro: 'A paid order waits for your approval before it goes live.',
    body: (data) => (
      <>
        <Row label="Order" value={data.number} />
        <Row label="Customer" value={data.customerName} />
        <Row label="Total" value={data.total} />
        <Section style={{ margin: '20px 0' }}>
          <Button href={data.publicUrl} style={{ background: '#2563eb', color: '#ffffff', padding: '10px 18px', borderRadius: 6, fontSize: 14 }}>
            Review order {data.number}
          </Button>
        </Section>
      </>
    ),
    attachPdf: false,
    audience: 'admin',
  },
  webhook_endpoint_disabled: {
    label: 'Webhook endpoint disabled (to admins)',
    subject: 'Webhook endpoint disabled: {number}',
    intro: 'Every delivery to this webhook endpoint failed for 3 days, so Cashdesk stopped sending to it. Fix the receiver, then enable the endpoint again.',
    body: (data) => (
      <>
        <Row label="Endpoint" value={data.number} />
        <Row label="Failing since" value={data.failingSince ?? ''} />
        <Row label="Last answer" value={data.lastAnswer ?? ''} />
        <Section style={{ margin: '20px 0' }}>
          <Button href={data.publicUrl} style={{ background: '#2563eb', color: '#ffffff', padding: '10px 18px', borderRadius: 6, fontSize: 14 }}>
            Open the endpoint
          </Button>
        </Section>
      </>
    ),
    attachPdf: false,
    audience: 'admin',
  },
} satisfies Record<TemplateKey, Template>;

/** Fills {company} {number} {document} {customer}; unknown placeholders stay as typed. */
export function fillSubject(subject: string, data: InvoiceMailData): string {
  const values: Record<string, string> = { company: data.company, number: data.number, document: data.documentTitle, customer: data.customerName };
  return subject.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** One e-mail: the template's body under the intro the admin wrote. */
export function InvoiceEmail({ template, intro, data }: { template: TemplateKey; intro: string; data: InvoiceMailData }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{intro}</Preview>
      <Body style={{ background: '#f3f4f6', fontFamily: 'Helvetica, Arial, sans-serif', color: '#111827' }}>
        <Container style={{ background: '#ffffff', margin: '24px auto', padding: '24px 28px', borderRadius: 8, maxWidth: 560 }}>
          <Heading as="h2" style={{ margin: '0 0 12px', fontSize: 18 }}>
            {data.company}
          </Heading>
          <Text style={{ fontSize: 14 }}>{(templates[template] as Template).audience === 'admin' ? 'Hello,' : `Hello ${data.customerName},`}</Text>
          <Text style={{ fontSize: 14, whiteSpace: 'pre-line' }}>{intro}</Text>
          {templates[template].body(data)}
          <Hr style={{ borderColor: '#e5e7eb', margin: '20px 0 12px' }} />
          <Text style={{ fontSize: 12, color: '#6b7280' }}>
            {data.documentTitle} {data.number}, issued {data.issueDate}: {data.publicUrl}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
