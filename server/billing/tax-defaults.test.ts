import { describe, expect, it } from 'vitest';
import { customerTaxRate, taxRateFor } from './tax-defaults';

describe('a customer’s tax rate: exempt → 0, override → override, else the settings’ rate', () => {
  it.each([
    // settings, exempt, override → rate, source
    [20_000n, false, null, 20_000n, 'settings'], // no defaults: the global rate
    [20_000n, false, '7.500', 7_500n, 'override'], // numeric text as PostgreSQL returns it
    [20_000n, false, '7.5', 7_500n, 'override'], // as the API spells it
    [20_000n, false, '0.000', 0n, 'override'], // an override of 0 is still an override
    [20_000n, false, '100.000', 100_000n, 'override'], // the ceiling
    [20_000n, false, '12.345', 12_345n, 'override'], // three decimals, exactly
    [20_000n, true, null, 0n, 'exempt'], // exempt
    [20_000n, true, '7.500', 0n, 'exempt'], // exempt wins over an override left behind
    [0n, false, null, 0n, 'settings'], // no tax configured
    [0n, false, '19', 19_000n, 'override'], // an override where the settings charge none
  ] as const)('settings %s, exempt %s, override %s → %s (%s)', (settings, taxExempt, taxRateOverride, rateMilli, source) => {
    expect(customerTaxRate(settings, { taxExempt, taxRateOverride })).toEqual({ rateMilli, source });
    expect(taxRateFor(settings, { taxExempt, taxRateOverride })).toBe(rateMilli);
  });
});
