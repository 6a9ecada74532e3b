import { z } from 'zod';
import { camelized, id } from '../../schemas/common';
import { bulkInvoicesInput } from '../../schemas/invoice-bulk';
import { applyCreditInput, invoiceIdInput } from '../../schemas/invoices';
import { cancelOwnServiceInput, ownPlanChangeInput } from '../../schemas/orders';
import { updateOwnLocaleInput, updateOwnProfileInput } from '../../schemas/profile';
import { redeemVoucherInput, topUpInput } from '../../schemas/vouchers';
import { startTopUp } from '../../services/credit/top-up';
import { getCustomerAccount } from '../../services/customers/account';
import { getOwnAccount } from '../../services/customers/get';
import { updateOwnLocale } from '../../services/customers/update-own-locale';
import { updateOwnProfile } from '../../services/customers/update-own-profile';
import { customerInvoice } from '../../services/invoices/customer-invoice';
import { cancelOwnService } from '../../services/orders/cancel-service';
import { changePlan } from '../../services/orders/change-plan';
import { planChoices } from '../../services/orders/plan-choices';
import { getOwnService } from '../../services/orders/service-detail';
import { startMassPayment } from '../../services/payments/mass-pay';
import { payWithCredit } from '../../services/payments/pay-with-credit';
import { redeemVoucher } from '../../services/vouchers/redeem';
import { once, withIdempotencyKey } from '../idempotent';
import { authedProcedure, clientProcedure, router } from '../trpc';

/** The client portal's own reads and edits; the services scope everything to the actor's customer. */
export const portalRouter = router({
  /** The signed-in client's services and credit ledger. */
  account: authedProcedure.query(async ({ ctx }) => getCustomerAccount(ctx.service, { id: (await getOwnAccount(ctx.service)).id })),
  /** One invoice as the customer reads it (no notes, no desk history). */
  invoice: authedProcedure
    .input(invoiceIdInput)
    .query(({ ctx, input }) => customerInvoice(ctx.service, { id: input.id, origin: ctx.origin, withCredit: true })),
  /** Part of the signed-in client's credit balance onto one of their invoices (at most what it covers). */
  applyCredit: authedProcedure
    .input(applyCreditInput.extend(invoiceIdInput.shape).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'portal.applyCredit', input, (service) => payWithCredit(service, { invoiceId: input.id, amount: input.amount }))),
  /** One payment for several of the signed-in client's open invoices: the invoice to pay it by card or PayPal. */
  massPay: authedProcedure
    .input(bulkInvoicesInput.extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'portal.massPay', input, (service) => startMassPayment(service, input))),
  /** A prepaid card's value onto the signed-in client's credit balance (throttled by the service). */
  redeemVoucher: authedProcedure
    .input(redeemVoucherInput)
    .mutation(async ({ ctx, input }) => redeemVoucher(ctx.service, { customerId: (await getOwnAccount(ctx.service)).id, code: input.code })),
  /** A top-up invoice for the signed-in client to pay by card or PayPal. */
  topUp: authedProcedure
    .input(topUpInput)
    .mutation(async ({ ctx, input }) => startTopUp(ctx.service, { customerId: (await getOwnAccount(ctx.service)).id, amount: input.amount })),
  // The customer's own service (docs/services.md): its detail, the plans it may move to, a plan
  // change (a confirmed one runs once per dialog's key) and a cancellation request. The services
  // scope them to the customer; the procedures are the customer's alone.
  service: clientProcedure.input(z.object({ serviceId: id })).query(({ ctx, input }) => getOwnService(ctx.service, input)),
  planChoices: clientProcedure.input(z.object({ serviceId: id })).query(({ ctx, input }) => planChoices(ctx.service, input)),
  changePlan: clientProcedure
    .input(camelized(ownPlanChangeInput.extend(withIdempotencyKey.shape)))
    .mutation(({ ctx, input }) =>
      input.preview ? changePlan(ctx.service, input) : once(ctx, 'portal.changePlan', input, (service) => changePlan(service, input)),
    ),
  cancelService: clientProcedure.input(camelized(cancelOwnServiceInput)).mutation(({ ctx, input }) => cancelOwnService(ctx.service, input)),
  updateProfile: authedProcedure.input(camelized(updateOwnProfileInput)).mutation(({ ctx, input }) => updateOwnProfile(ctx.service, input)),
  /** The language switcher's choice kept on the client's own customer account. */
  setLocale: clientProcedure.input(updateOwnLocaleInput).mutation(({ ctx, input }) => updateOwnLocale(ctx.service, input)),
});
