import { readPaymentConfig } from '@/server/payments/config';
import type { PayAccess } from '@/server/schemas/payments';
import type { ServiceContext } from '@/server/services/context';
import { creditBalance } from '@/server/services/credit/balance';
import { payerInvoice } from '@/server/services/invoices/payer';
import { readBillingSettings } from '@/server/services/settings/read';

export type PayOptions = {
  invoice: { id: string; number: string | null; status: string; balance: bigint; currency: string; dueDate: string };
  decimals: number | null;
  stripe: boolean;
  paypal: { clientId: string; sdkUrl: string } | null;
  /** Offered to the signed-in customer only, and usable when it covers the whole balance. */
  credit: { available: bigint; covers: boolean } | null;
  bankTransfer: { instructions: string } | null;
};

/** What the pay buttons of one invoice can offer this payer right now. */
export async function payOptions(ctx: ServiceContext, input: { invoiceId: string; access: PayAccess }): Promise<PayOptions> {
  const [invoice, config, settings] = await Promise.all([
    payerInvoice(ctx, input.invoiceId, input.access),
    readPaymentConfig(ctx.db),
    readBillingSettings(ctx.db),
  ]);
  // A top-up buys credit, so credit is never offered to pay one.
  const available =
    config.credit && input.access.kind === 'session' && invoice.purpose !== 'top_up' ? await creditBalance(ctx.db, invoice.customerId, invoice.currency) : null;
  return {
    invoice: { id: invoice.id, number: invoice.number, status: invoice.status, balance: invoice.balance, currency: invoice.currency, dueDate: invoice.dueDate },
    decimals: settings.display_decimals ?? null,
    stripe: config.stripe !== null,
    paypal: config.paypal && { clientId: config.paypal.clientId, sdkUrl: config.paypal.sdkUrl },
    credit: available !== null && available > 0n ? { available, covers: available >= invoice.balance } : null,
    bankTransfer: config.bankTransfer,
  };
}
