import { parseMilli } from './decimal';

/** A customer's tax defaults as stored: exempt, or an override percent (numeric text like "7.500"). */
export type CustomerTaxDefaults = { taxExempt: boolean; taxRateOverride: string | null };

/** Where a customer's rate comes from, so a page can say why it is what it is. */
export type TaxSource = 'exempt' | 'override' | 'settings';

/**
 * The rate (milli-percent) a new document's line takes for this customer when the line names
 * none: exempt bills no tax at all, whatever the override says; an override replaces the
 * settings' rate; neither, the settings' rate. The billing run applies the same rule in SQL.
 */
export function customerTaxRate(settingsRateMilli: bigint, customer: CustomerTaxDefaults): { rateMilli: bigint; source: TaxSource } {
  if (customer.taxExempt) return { rateMilli: 0n, source: 'exempt' };
  const override = customer.taxRateOverride === null ? null : parseMilli(customer.taxRateOverride);
  if (override !== null) return { rateMilli: override, source: 'override' };
  return { rateMilli: settingsRateMilli, source: 'settings' };
}

/** Just the rate of `customerTaxRate`, for code that prices lines. */
export const taxRateFor = (settingsRateMilli: bigint, customer: CustomerTaxDefaults): bigint => customerTaxRate(settingsRateMilli, customer).rateMilli;
