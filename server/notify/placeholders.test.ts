import { describe, expect, it } from 'vitest';
import { fillPlaceholders, samplePlaceholderValues, unknownPlaceholders } from './placeholders';

const values = { ...samplePlaceholderValues, customer_name: 'Ada', invoice_number: 'INV-7', amount: '€5.00', link: 'https://b.test/p/invoice/1?token=t' };

describe('fillPlaceholders', () => {
  it.each([
    // text → rendered
    ['Hi {customer_name}, {invoice_number}: {amount}', 'Hi Ada, INV-7: €5.00'],
    ['{link}', 'https://b.test/p/invoice/1?token=t'],
    ['{amount} {amount}', '€5.00 €5.00'], // every occurrence
    ['no placeholders at all', 'no placeholders at all'],
    ['{"to":"x"} and { amount } and {Amount}', '{"to":"x"} and { amount } and {Amount}'], // not placeholders
    ['{nope} stays, {total} fills', '{nope} stays, $120.00 fills'],
    ['{{amount}}', '{€5.00}'],
    ['', ''],
  ])('%j → %j', (text, rendered) => {
    expect(fillPlaceholders(text, values)).toBe(rendered);
  });

  it('never fills a value into a value (a name containing a placeholder stays literal)', () => {
    expect(fillPlaceholders('{customer_name}', { ...values, customer_name: '{amount}' })).toBe('{amount}');
  });
});

describe('unknownPlaceholders', () => {
  it.each([
    ['Hi {customer_name}', []],
    ['Hi {name}, {name} and {invoice}', ['name', 'invoice']],
    ['{"json":1} { spaced } {UPPER}', []],
    ['{constructor} {to_string}', ['constructor', 'to_string']], // nothing inherited counts as known
  ])('%j → %j', (text, unknown) => {
    expect(unknownPlaceholders(text)).toEqual(unknown);
  });
});
