import { describe, expect, it } from 'vitest';
import { optionSummary, priceLine, type CatalogProduct } from './pricing';

const vps: CatalogProduct = {
  id: 'vps',
  name: 'VPS',
  prices: [
    { cycle: 'monthly', currency: 'USD', amount: 1000n, setupFee: 500n },
    { cycle: 'annual', currency: 'USD', amount: 10000n, setupFee: 0n },
  ],
  optionGroups: [
    {
      id: 'os',
      name: 'OS',
      kind: 'select',
      required: true,
      options: [
        {
          id: 'linux',
          name: 'Linux',
          prices: [
            { cycle: 'monthly', currency: 'USD', amount: 0n },
            { cycle: 'annual', currency: 'USD', amount: 0n },
          ],
        },
        { id: 'windows', name: 'Windows', prices: [{ cycle: 'monthly', currency: 'USD', amount: 1500n }] },
      ],
    },
    {
      id: 'ram',
      name: 'Extra RAM (GB)',
      kind: 'quantity',
      required: false,
      options: [{ id: 'gb', name: 'GB', prices: [{ cycle: 'monthly', currency: 'USD', amount: 200n }] }],
    },
    {
      id: 'backup',
      name: 'Backups',
      kind: 'checkbox',
      required: false,
      options: [{ id: 'bk', name: 'Daily', prices: [{ cycle: 'monthly', currency: 'USD', amount: 300n }] }],
    },
  ],
};

describe('pricing a catalog line', () => {
  it.each([
    ['plan and a free required option', 'monthly', [{ optionId: 'linux', quantity: 1 }], 1000n],
    ['a priced option', 'monthly', [{ optionId: 'windows', quantity: 1 }], 2500n],
    [
      'options by quantity and a checkbox',
      'monthly',
      [
        { optionId: 'linux', quantity: 1 },
        { optionId: 'gb', quantity: 4 },
        { optionId: 'bk', quantity: 1 },
      ],
      2100n,
    ],
    ['another cycle', 'annual', [{ optionId: 'linux', quantity: 1 }], 10000n],
  ])('%s', (_what, cycle, chosen, unitPrice) => {
    expect(priceLine(vps, cycle, 'USD', chosen)).toMatchObject({ ok: true, unitPrice });
  });

  it('carries the setup fee of the chosen cycle', () => {
    expect(priceLine(vps, 'monthly', 'USD', [{ optionId: 'linux', quantity: 1 }])).toMatchObject({ setupFee: 500n, planPrice: 1000n });
  });

  it.each([
    ['a cycle not offered', 'quarterly', 'USD', [], 'cycle', 'is not offered for VPS in USD', undefined],
    ['a currency not offered', 'monthly', 'EUR', [], 'cycle', 'is not offered for VPS in EUR', undefined],
    ['a missing required group', 'monthly', 'USD', [], 'options', 'OS must be chosen', 'os'],
    [
      'two choices in a select',
      'monthly',
      'USD',
      [
        { optionId: 'linux', quantity: 1 },
        { optionId: 'windows', quantity: 1 },
      ],
      'options',
      'OS takes one choice',
      'os',
    ],
    ['an unknown option', 'monthly', 'USD', [{ optionId: 'nope', quantity: 1 }], 'options', 'includes an option that VPS does not have', undefined],
    [
      'a quantity on a checkbox',
      'monthly',
      'USD',
      [
        { optionId: 'linux', quantity: 1 },
        { optionId: 'bk', quantity: 2 },
      ],
      'options',
      'Backups is chosen once, not by quantity',
      'backup',
    ],
    ['an option not priced for the cycle', 'annual', 'USD', [{ optionId: 'windows', quantity: 1 }], 'options', 'Windows is not priced for annual in USD', 'os'],
  ] as const)('refuses %s', (_what, cycle, currency, chosen, field, message, groupId) => {
    // The group the refusal is about, when there is one: a form shows the message beside it.
    expect(priceLine(vps, cycle, currency, chosen)).toEqual({ ok: false, field, message, ...(groupId ? { groupId } : {}) });
  });
});

describe('optionSummary', () => {
  it.each([
    ['nothing chosen', [], ''],
    ['one choice', [{ name: 'OS: Windows', quantity: 1 }], 'OS: Windows'],
    ['a quantity goes before the option', [{ name: 'RAM: GB', quantity: 4 }], 'RAM: 4 × GB'],
    ['an option without a group name', [{ name: 'GB', quantity: 2 }], '2 × GB'],
    [
      'several, in the order chosen',
      [
        { name: 'OS: Linux', quantity: 1 },
        { name: 'RAM: GB', quantity: 2 },
      ],
      'OS: Linux · RAM: 2 × GB',
    ],
  ])('%s', (_what, options, line) => {
    expect(optionSummary(options)).toBe(line);
  });
});
