import { z } from 'zod';
import { localeInput } from '@/i18n/locales';
import { type DomainInput } from './common';
import { billingAddressInput, createCustomerInput } from './customers';

/**
 * What a client may change on their own account: how they are named and reached and where they
 * are billed. The whole profile is sent each time, so an empty field clears it. Strict: the
 * e-mail invoices go to (and the account is found by), the currency, the reseller and the credit
 * balance stay with the desk, and a request naming them is refused rather than half applied.
 * `locale` is the language they read the portal, invoices and e-mails in; null follows the desk's
 * default, and leaving it out keeps the current choice.
 */
export const updateOwnProfileInput = z.strictObject({
  name: createCustomerInput.shape.name,
  company: createCustomerInput.shape.company,
  phone: createCustomerInput.shape.phone,
  tax_id: createCustomerInput.shape.tax_id,
  billing_address: billingAddressInput.nullable(),
  locale: localeInput.nullable().optional(),
});
export type UpdateOwnProfileInput = DomainInput<typeof updateOwnProfileInput>;

/** The language a client reads their pages, documents and messages in (the switcher's choice). */
export const updateOwnLocaleInput = z.strictObject({ locale: localeInput });
export type UpdateOwnLocaleInput = z.output<typeof updateOwnLocaleInput>;
