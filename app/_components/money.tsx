'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { formatMoney } from '@/server/billing/currency';

const DecimalsContext = createContext<number | null>(null);

/** Hands the settings' display decimals to the client components below it. */
export function MoneyProvider({ decimals, children }: { decimals: number | null; children: ReactNode }) {
  return <DecimalsContext.Provider value={decimals}>{children}</DecimalsContext.Provider>;
}

/** Formats money in client components as the settings say. */
export function useMoney(): (amount: bigint, currency: string) => string {
  const decimals = useContext(DecimalsContext) ?? undefined;
  return (amount, currency) => formatMoney(amount, currency, { decimals });
}
