import { formatMilli, parseMilli } from '@/server/billing/decimal';
import { customerTaxRate, taxRateFor, type CustomerTaxDefaults } from '@/server/billing/tax-defaults';

/** The rate a new line for this customer starts at, as the editors type it ("7.5", "0"). */
export const customerRateText = (settingsRate: string, customer: CustomerTaxDefaults): string =>
  formatMilli(taxRateFor(parseMilli(settingsRate) ?? 0n, customer));

/**
 * A customer's tax as the consoles say it, with where it comes from: "Exempt (no tax)",
 * "7.5 % (customer override)" or "20 % (settings default)".
 */
export function describeCustomerTax(settingsRate: string, customer: CustomerTaxDefaults): string {
  const { rateMilli, source } = customerTaxRate(parseMilli(settingsRate) ?? 0n, customer);
  if (source === 'exempt') return 'Exempt (no tax)';
  return `${formatMilli(rateMilli)} % (${source === 'override' ? 'customer override' : 'settings default'})`;
}
