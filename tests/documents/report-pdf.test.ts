import { describe, expect, it } from 'vitest';
import { columnTitle, renderReportPdf } from '@/server/documents/report-pdf';
import { readPdf, squeezed } from './read-pdf';

describe('columnTitle', () => {
  it.each([
    ['period', 'Period'],
    ['customer_name', 'Customer name'],
    ['reseller_id', 'Reseller ID'],
    ['days_1_30', '1–30 days'],
    ['days_61_90', '61–90 days'],
    ['days_over_90', 'Over 90 days'],
    ['collection_rate', 'Collection rate'],
  ])('%s → %s', (field, title) => expect(columnTitle(field)).toBe(title));
});

describe('a report as PDF', () => {
  const model = {
    title: 'Revenue',
    subtitle: '2026-01-01 – 2026-03-31 · USD',
    generatedAt: '2026-04-02 09:30 UTC',
    seller: 'Northwind Hosting',
    table: [
      ['period', 'currency', 'invoiced', 'collected', 'refunded', 'net'],
      ['2026-01', 'USD', '1234.56', '1000.00', '0.00', '1000.00'],
      ['2026-02', 'USD', '0.00', '0.00', '0.00', '0.00'],
      ['2026-03', 'USD', '-20.00', '234.56', '20.00', '214.56'],
    ],
  };

  it('prints the title, what it covers and every row of the table, on landscape A4', async () => {
    const { pages, title } = await readPdf(await renderReportPdf(model));
    expect(title).toBe('Revenue — 2026-01-01 – 2026-03-31 · USD');
    expect(pages).toHaveLength(1);
    expect(Math.round(pages[0]!.width)).toBe(842);
    expect(Math.round(pages[0]!.height)).toBe(595);
    const text = squeezed(pages);
    for (const expected of ['Revenue', '2026-01-01–2026-03-31·USD', 'NorthwindHosting', 'PeriodCurrencyInvoicedCollectedRefundedNet'])
      expect(text).toContain(expected);
    for (const row of model.table.slice(1)) expect(text).toContain(row.join(''));
  });

  it('says so when the range has no rows', async () => {
    const { pages } = await readPdf(await renderReportPdf({ ...model, table: [model.table[0]!] }));
    expect(squeezed(pages)).toContain('Nothinginthisrange.');
  });

  it('runs over several pages with the column titles repeated', async () => {
    const rows = Array.from({ length: 120 }, (_, day) => [`2026-01-${String((day % 28) + 1).padStart(2, '0')}`, 'USD', `${day}.00`, '0.00', '0.00', '0.00']);
    const { pages } = await readPdf(await renderReportPdf({ ...model, table: [model.table[0]!, ...rows] }));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page.text.replace(/\s+/g, '')).toContain('PeriodCurrencyInvoiced');
    expect(squeezed(pages)).toContain(`Revenue·Page${pages.length}of${pages.length}`);
  });
});
