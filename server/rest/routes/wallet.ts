import type { z } from 'zod';
import { customerIdInput } from '../../schemas/customers';
import { walletOutput } from '../../schemas/wallet';
import { getWallet, type WalletView } from '../../services/wallet/get';
import { defineRoute } from '../handler';

export function walletJson(wallet: WalletView): z.input<typeof walletOutput> {
  return {
    currency: wallet.currency,
    available: Number(wallet.available),
    pending: Number(wallet.pending),
    entries: wallet.entries.map((entry) => ({
      id: entry.id,
      kind: entry.kind,
      pending: Number(entry.pending),
      available: Number(entry.available),
      description: entry.description,
      invoice_id: entry.invoiceId,
      expires_on: entry.expiresOn,
      created_at: entry.createdAt.toISOString(),
    })),
  };
}

export const getWalletRoute = defineRoute(
  {
    method: 'GET',
    path: '/customers/{id}/wallet',
    summary: 'A customer’s prepaid wallet: available and pending credits and the latest entries, newest first',
    tag: 'Customers',
    permission: 'customers.view',
    params: customerIdInput,
    response: walletOutput,
  },
  async ({ ctx, params }) => walletJson(await getWallet(ctx, params)),
);
