import { requirePermission } from '@/server/auth/actor';
import { formatMinor } from '@/server/billing/currency';
import { AppError } from '@/server/errors';
import type { CommissionPayoutInput } from '@/server/schemas/commissions';
import { audit } from '@/server/services/audit/record';
import type { ServiceContext } from '@/server/services/context';
import type { TransactionRow } from '@/server/services/ledger/list-transactions';
import { recordCommissionPayout } from '@/server/services/ledger/record';
import { commissionRows } from './commissions';
import { findReseller } from './store';

/**
 * Pays a reseller commission for invoices issued in [from, to]: one `commission_payout` ledger
 * row for that range and currency, of `amount` or, without one, everything outstanding; audited
 * under the acting admin in the same transaction. Nothing outstanding, or more asked than is
 * outstanding → invalid_state.
 *
 * Payouts to one reseller run one at a time: the reseller's account and profile rows are locked
 * FOR UPDATE before the outstanding figure is recomputed inside the transaction, so of ten
 * concurrent payouts of the whole outstanding amount exactly one is written and the others find
 * nothing left.
 */
export async function payCommission(ctx: ServiceContext, input: CommissionPayoutInput & { resellerId: string }): Promise<TransactionRow> {
  requirePermission(ctx.actor, 'settings.manage');
  return ctx.db.transaction(async (tx) => {
    const reseller = await findReseller(tx, input.resellerId, { lock: true });
    const [row] = await commissionRows(tx, input, { resellerId: reseller.id, currency: input.currency });
    const outstanding = row?.outstanding ?? 0n;
    if (outstanding <= 0n) {
      throw new AppError('invalid_state', `No ${input.currency} commission is outstanding for ${input.from} to ${input.to}`);
    }
    const amount = input.amount ?? outstanding;
    if (amount > outstanding) {
      throw new AppError('invalid_state', `Only ${formatMinor(outstanding, input.currency)} ${input.currency} is outstanding for ${input.from} to ${input.to}`);
    }
    const payout = await recordCommissionPayout(tx, ctx.actor, ctx.now, {
      resellerId: reseller.id,
      amount,
      currency: input.currency,
      periodFrom: input.from,
      periodTo: input.to,
      reference: input.reference,
    });
    await audit(tx, ctx.actor, 'reseller.commission_paid', { type: 'user', id: reseller.id }, { after: payout });
    return payout;
  });
}
