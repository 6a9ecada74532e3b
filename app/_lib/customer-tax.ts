import { formatMilli, parseMilli } from '@/server/billing/decimal';
import { customerTaxRate, type CustomerTaxDefaults } from '@/server/billing/tax-defaults';

/**
 * A customer's tax as the consoles say it, with where it comes from: "Exempt (no tax)",
 * "7.5 % (customer override)" or "20 % (settings default)".
 */
export function describeCustomerTax(settingsRate: string, customer: CustomerTaxDefaults): string {
  const { rateMilli, source } = customerTaxRate(parseMilli(settingsRate) ?? 0n, customer);
  if (source === 'exempt') return 'Exempt (no tax)';
  return `${formatMilli(rateMilli)} % (${source === 'override' ? 'customer override' : 'settings default'})`;
}
