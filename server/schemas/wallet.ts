import { z } from 'zod';

/** A customer's prepaid wallet (docs/contract-orders.md "Prepaid wallets"): balances in minor units and the entries behind them. */
export const walletOutput = z.object({
  currency: z.string(),
  available: z.number().int().describe('credits usage draws on'),
  pending: z.number().int().describe('credits of invoices not yet paid'),
  entries: z
    .array(
      z.object({
        id: z.string(),
        kind: z.enum(['grant', 'release', 'draw', 'lapse', 'void']),
        pending: z.number().int().describe('what the entry moved in or out of pending'),
        available: z.number().int().describe('what the entry moved in or out of available'),
        description: z.string(),
        invoice_id: z.string().nullable(),
        expires_on: z.string().nullable().describe('a grant without rollover: the day it lapses'),
        created_at: z.string(),
      }),
    )
    .describe('newest first, the latest 100'),
});
