import { render } from '@react-email/components';
import { beforeAll, describe, expect, it } from 'vitest';
import { translator } from '@/i18n/translator';
import { templateKeys } from './template-keys';
import { builtInWording, fillSubject, InvoiceEmail, templates, type InvoiceMailData, type MailLanguage } from './templates';

const data: InvoiceMailData = {
  company: 'Acme Hosting',
  customerName: 'Zoë Müller',
  documentTitle: 'Invoice',
  number: 'INV-2026-00042',
  total: '$120.00',
  balance: '$80.00',
  dueDate: '30 Dec 2026',
  issueDate: '30 Nov 2026',
  publicUrl: 'https://billing.example.test/p/invoice/abc?token=t0k',
  amount: '$40.00',
  serviceName: 'Cloud VPS',
  sources: ['INV-2026-00040', 'INV-2026-00041'],
};

let english: MailLanguage;
beforeAll(async () => {
  english = { locale: 'en', t: await translator('en', 'email') };
});

describe('e-mail templates', () => {
  it.each(templateKeys)('%s renders to HTML and plain text with the intro and the public link', async (key) => {
    const wording = builtInWording(english, key);
    const email = <InvoiceEmail template={key} intro={wording.intro} data={data} language={english} />;
    const html = await render(email);
    const text = await render(email, { plainText: true });
    expect(html).toMatch(/^<!DOCTYPE html/);
    // A customer is greeted by name; the admins' mails say hello to the desk.
    expect(text).toContain('audience' in templates[key] ? 'Hello,' : 'Hello Zoë Müller');
    expect(text).toContain(wording.intro);
    expect(text).toContain(data.publicUrl);
    expect(fillSubject(wording.subject, data)).not.toMatch(/\{\w+\}/);
  });

  it('tells the amount due and the due date where money is owed', async () => {
    const text = await render(<InvoiceEmail template="overdue_notice" intro="Please pay." data={data} language={english} />, { plainText: true });
    expect(text).toContain('Amount due: $80.00');
    expect(text).toContain('Due date: 30 Dec 2026');
    const consolidated = await render(<InvoiceEmail template="consolidated_invoice" intro="One invoice." data={data} language={english} />, {
      plainText: true,
    });
    expect(consolidated).toContain('Replaces: INV-2026-00040, INV-2026-00041');
  });

  it('fills the subject placeholders and leaves unknown ones as typed', () => {
    expect(fillSubject('{document} {number} from {company} {oops}', data)).toBe('Invoice INV-2026-00042 from Acme Hosting {oops}');
  });
});

describe('the desk’s e-mail about an order waiting for approval', () => {
  it('greets the admin, not the customer, and links to the order page', async () => {
    const order = { ...data, documentTitle: 'Order', number: 'ORD-2026-00007', publicUrl: 'https://billing.example.test/admin/orders/abc' };
    const wording = builtInWording(english, 'order_awaiting_approval');
    const text = await render(<InvoiceEmail template="order_awaiting_approval" intro={wording.intro} data={order} language={english} />, {
      plainText: true,
    });
    expect(text).toContain('Hello,');
    expect(text).not.toContain('Hello Zoë');
    expect(text).toContain('Customer: Zoë Müller');
    expect(text).toContain('Total: $120.00');
    expect(text).toContain('https://billing.example.test/admin/orders/abc');
    expect(fillSubject(wording.subject, order)).toBe('Approve order ORD-2026-00007 from Zoë Müller');
  });
});

describe('the desk’s e-mail about a disabled webhook endpoint', () => {
  it('names the endpoint, since when it failed and what it last got, and links to its page', async () => {
    const endpoint = {
      ...data,
      documentTitle: 'Webhook endpoint',
      number: 'https://hooks.example.test/in',
      failingSince: '1 Dec 2026, 09:00 UTC',
      lastAnswer: 'HTTP 503 Service Unavailable',
      publicUrl: 'https://billing.example.test/admin/webhooks/abc',
    };
    const wording = builtInWording(english, 'webhook_endpoint_disabled');
    const text = await render(<InvoiceEmail template="webhook_endpoint_disabled" intro={wording.intro} data={endpoint} language={english} />, {
      plainText: true,
    });
    expect(text).toContain('Endpoint: https://hooks.example.test/in');
    expect(text).toContain('Failing since: 1 Dec 2026, 09:00 UTC');
    expect(text).toContain('Last answer: HTTP 503 Service Unavailable');
    expect(text).toContain('https://billing.example.test/admin/webhooks/abc');
    expect(fillSubject(wording.subject, endpoint)).toBe('Webhook endpoint disabled: https://hooks.example.test/in');
  });
});
