import { describe, expect, it } from 'vitest';
import { sampleDocument } from '@/tests/support/sample-document';
import {
  addressLines,
  awaitsPayment,
  documentHeading,
  documentTitle,
  formatDay,
  formatPeriod,
  lineAmount,
  paymentInstructions,
  pdfFilename,
  readableDescription,
  stampFor,
  statusLabel,
  taxBreakdown,
  type InvoiceDocumentModel,
} from './model';

const doc = sampleDocument;

describe('documentTitle', () => {
  it.each([
    ['invoice', 'manual', 'Invoice'],
    ['invoice', 'consolidated', 'Consolidated invoice'],
    ['proforma', 'manual', 'Proforma invoice'],
    ['credit_note', 'correction', 'Credit note'],
    ['debit_note', 'correction', 'Debit note'],
  ] as const)('%s (%s) is titled %s', (kind, purpose, title) => {
    expect(documentTitle({ kind, purpose })).toBe(title);
  });
});

describe('stampFor', () => {
  it.each([
    ['invoice', 'paid', 'PAID'],
    ['debit_note', 'paid', 'PAID'],
    ['invoice', 'cancelled', 'CANCELLED'],
    ['invoice', 'refunded', 'REFUNDED'],
    ['invoice', 'draft', 'DRAFT'],
    ['invoice', 'pending', null],
    ['invoice', 'partial', null],
    ['invoice', 'overdue', null],
    // A credit note is settled the moment it is issued: PAID would tell the reader nothing.
    ['credit_note', 'paid', null],
    ['credit_note', 'refunded', 'REFUNDED'],
  ] as const)('%s %s → %s', (kind, status, text) => {
    expect(stampFor({ kind, status })?.text ?? null).toBe(text);
  });
});

describe('taxBreakdown', () => {
  it('sums net amount and tax per rate, lowest rate first, exactly', () => {
    const lines = [
      { taxRate: '20', subtotal: 1000n, tax: 200n },
      { taxRate: '7.375', subtotal: 2999n, tax: 221n },
      { taxRate: '20.000', subtotal: 9_007_199_254_740_993n, tax: 1_801_439_850_948_199n },
      { taxRate: '0', subtotal: -500n, tax: 0n },
    ];
    expect(taxBreakdown(lines)).toEqual([
      { rate: '0', base: -500n, tax: 0n },
      { rate: '7.375', base: 2999n, tax: 221n },
      { rate: '20', base: 9_007_199_254_740_993n + 1000n, tax: 1_801_439_850_948_399n },
    ]);
  });

  it('adds up to the document totals', () => {
    const lines = [
      { taxRate: '19', subtotal: 1999n, tax: 380n },
      { taxRate: '7', subtotal: 450n, tax: 32n },
      { taxRate: '19', subtotal: 1n, tax: 0n },
    ];
    const bands = taxBreakdown(lines);
    expect(bands.reduce((sum, b) => sum + b.base, 0n)).toBe(2450n);
    expect(bands.reduce((sum, b) => sum + b.tax, 0n)).toBe(412n);
  });

  it('is empty without lines', () => {
    expect(taxBreakdown([])).toEqual([]);
  });
});

describe('lineAmount', () => {
  it('shows the net amount when tax is added, and the gross amount when prices include it', () => {
    expect(lineAmount({ subtotal: 1000n, total: 1200n }, 'exclusive')).toBe(1000n);
    expect(lineAmount({ subtotal: 1000n, total: 1200n }, 'inclusive')).toBe(1200n);
  });
});

describe('paymentInstructions', () => {
  it.each<[string, Partial<InvoiceDocumentModel>, string[]]>([
    [
      'an open invoice',
      {},
      [
        'Please pay €120.00 by 31 Mar 2026, quoting INV-2026-00042.',
        'By bank transfer to the account below.',
        'Or pay online: scan the QR code or open the link under it.',
      ],
    ],
    [
      'a part-paid invoice without bank details or link',
      { status: 'partial', amountPaid: 2000n, balance: 10000n, seller: { ...doc().seller, bankDetails: '' }, publicUrl: null },
      ['Please pay €100.00 by 31 Mar 2026, quoting INV-2026-00042.'],
    ],
    [
      'an overdue invoice',
      { status: 'overdue', publicUrl: null, seller: { ...doc().seller, bankDetails: ' ' } },
      ['Overdue since 31 Mar 2026: please pay €120.00 now, quoting INV-2026-00042.'],
    ],
    [
      'a proforma',
      { kind: 'proforma', number: 'PF-2026-00001', publicUrl: null },
      ['This is not a tax invoice.', 'Please pay €120.00 by 31 Mar 2026, quoting PF-2026-00001.', 'By bank transfer to the account below.'],
    ],
    [
      'a paid proforma',
      { kind: 'proforma', number: 'PF-2026-00001', status: 'paid', balance: 0n, amountPaid: 12000n, paidOn: '2026-03-15' },
      ['This is not a tax invoice.', 'Paid in full on 15 Mar 2026. Thank you.'],
    ],
    [
      'a paid proforma with its invoice',
      { kind: 'proforma', number: 'PF-2026-00001', status: 'paid', balance: 0n, amountPaid: 12000n, paidOn: '2026-03-15', convertedInto: 'INV-2026-00043' },
      ['This is not a tax invoice.', 'Paid in full on 15 Mar 2026. Thank you.', 'Invoice INV-2026-00043 was issued for this payment.'],
    ],
    ['a paid invoice', { status: 'paid', balance: 0n, amountPaid: 12000n, paidOn: '2026-03-15' }, ['Paid in full on 15 Mar 2026. Thank you.']],
    ['a draft', { status: 'draft', number: null }, ['Draft: not issued yet. Do not pay.']],
    ['a cancelled invoice', { status: 'cancelled', balance: 0n }, ['Cancelled: nothing is due.']],
    [
      'a consolidated source',
      { status: 'cancelled', balance: 0n, consolidatedInto: 'INV-2026-00050' },
      ['Cancelled: consolidated into invoice INV-2026-00050. Please pay that invoice instead.'],
    ],
    ['a refunded invoice', { status: 'refunded', balance: 0n }, ['Refunded: nothing is due.']],
    ['a credit note', { kind: 'credit_note', status: 'paid', balance: 0n, corrects: 'INV-2026-00042' }, ['Corrects invoice INV-2026-00042. Nothing to pay.']],
  ])('%s', (_what, over, expected) => {
    expect(paymentInstructions(doc(over))).toEqual(expected);
  });

  it('formats the balance in the document currency', () => {
    expect(paymentInstructions(doc({ currency: 'JPY', balance: 1200n }))[0]).toContain('¥1,200');
    expect(paymentInstructions(doc({ currency: 'KWD', balance: 1234n }))[0]).toContain('KWD');
  });
});

describe('awaitsPayment', () => {
  it.each<[string, Partial<InvoiceDocumentModel>, boolean]>([
    ['pending with a balance', {}, true],
    ['overdue', { status: 'overdue' }, true],
    ['partial with a cent left', { status: 'partial', balance: 1n }, true],
    ['pending with nothing left', { status: 'pending', balance: 0n }, false],
    ['paid', { status: 'paid', balance: 0n }, false],
    ['a draft', { status: 'draft' }, false],
    ['a credit note', { kind: 'credit_note' }, false],
  ])('%s → %s', (_what, over, expected) => {
    expect(awaitsPayment(doc(over))).toBe(expected);
  });
});

describe('pdfFilename', () => {
  it.each([
    [{ number: 'INV-2026-00042' }, 'INV-2026-00042.pdf'],
    [{ number: 'Fäktura/2026 "7"' }, 'F_ktura_2026_7_.pdf'],
    [{ number: null }, 'draft-3f1c2b7e.pdf'],
  ])('%j → %s', (over, name) => {
    expect(pdfFilename({ id: doc().id, ...over })).toBe(name);
  });
});

describe('formatDay', () => {
  it('writes the day unambiguously, in UTC', () => {
    expect(formatDay('2026-01-31')).toBe('31 Jan 2026');
    expect(formatDay('2024-02-29')).toBe('29 Feb 2024');
  });

  it('writes a period with both its days', () => {
    expect(formatPeriod({ start: '2026-03-01', end: '2026-03-31' })).toBe('1 Mar 2026 – 31 Mar 2026');
  });
});

describe('addressLines', () => {
  it('writes an address as on an envelope, with the country spelled out', () => {
    expect(addressLines({ line1: '1 Main St', line2: ' ', city: 'Springfield', region: 'IL', postalCode: '62701', country: 'US' })).toEqual([
      '1 Main St',
      '62701 Springfield',
      'IL',
      'United States',
    ]);
    expect(addressLines({ line1: 'Ул. Тверская 7', city: 'Москва', country: 'ru' })).toEqual(['Ул. Тверская 7', 'Москва', 'Russia']);
  });

  it('keeps a code it cannot name, and prints nothing for no address', () => {
    expect(addressLines({ line1: 'x', city: 'y', country: 'ZZZ' })).toEqual(['x', 'y', 'ZZZ']);
    expect(addressLines(null)).toEqual([]);
  });
});

describe('documentHeading', () => {
  it('names a numbered document by its number and a draft as a draft', () => {
    expect(documentHeading('Invoice', 'INV-2026-0007')).toBe('Invoice INV-2026-0007');
    expect(documentHeading('Invoice', null)).toBe('Draft invoice');
    expect(documentHeading('Credit note', null)).toBe('Draft credit note');
  });
});

describe('statusLabel', () => {
  it('words a settled credit note as credited, and leaves every other status to itself', () => {
    expect(statusLabel({ kind: 'credit_note', status: 'paid' })).toBe('Credited');
    expect(statusLabel({ kind: 'invoice', status: 'paid' })).toBeUndefined();
    expect(statusLabel({ kind: 'credit_note', status: 'draft' })).toBeUndefined();
  });
});

describe('readableDescription', () => {
  const period = { start: '2026-01-31', end: '2026-02-27' };
  it('drops the ISO period a billed line repeats, since its period is shown under it, and keeps the options line', () => {
    expect(readableDescription('Cloud VPS (monthly) 2026-01-31 – 2026-02-27\nOperating system: Windows · Memory: 2 GB', period)).toBe(
      'Cloud VPS (monthly)\nOperating system: Windows · Memory: 2 GB',
    );
  });
  it('writes any other date as people read it', () => {
    expect(readableDescription('API calls usage 2051-01-01 – 2051-01-31: 3 × 0.005 USD', null)).toBe('API calls usage 1 Jan 2051 – 31 Jan 2051: 3 × 0.005 USD');
    expect(readableDescription('Order 2026-13-45', null)).toBe('Order 2026-13-45');
  });
});
