import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../errors';
import { createCustomerInput } from './customers';

const errorsOf = (input: unknown) => {
  const result = createCustomerInput.safeParse(input);
  return result.success ? {} : fieldErrors(result.error.issues);
};

describe('create customer input', () => {
  it('normalises what people type', () => {
    expect(
      createCustomerInput.parse({
        name: '  Ada ',
        email: ' Ada@Example.TEST ',
        company: '',
        currency: 'eur',
        billing_address: { line1: '1', city: 'X', country: 'gb' },
      }),
    ).toEqual({ name: 'Ada', email: 'ada@example.test', currency: 'EUR', billing_address: { line1: '1', city: 'X', country: 'GB' } });
  });

  it.each([
    [{ email: 'a@b.test' }, { name: 'is required' }],
    [{ name: 'A', email: '' }, { email: 'is required' }],
    [{ name: 'A', email: 'nope' }, { email: 'must be a valid e-mail address' }],
    [{ name: 'A', email: 'a@b.test', currency: 'EURO' }, { currency: 'must be an ISO 4217 currency code, like USD' }],
    [{ name: 'A', email: 'a@b.test', reseller_id: 'x' }, { reseller_id: 'must be an id' }],
    [
      { name: 'A', email: 'a@b.test', billing_address: { line1: 'x', city: 'y', country: 'USA' } },
      { 'billing_address.country': 'must be a two-letter country code, like US' },
    ],
    [{ name: 'x'.repeat(201), email: 'a@b.test' }, { name: 'must be at most 200 characters' }],
  ])('%j → %j', (input, fields) => {
    expect(errorsOf(input)).toEqual(fields);
  });
});
