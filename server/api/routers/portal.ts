import { camelized } from '../../schemas/common';
import { invoiceIdInput } from '../../schemas/invoices';
import { updateOwnProfileInput } from '../../schemas/profile';
import { getCustomerAccount } from '../../services/customers/account';
import { getOwnAccount } from '../../services/customers/get';
import { updateOwnProfile } from '../../services/customers/update-own-profile';
import { customerInvoice } from '../../services/invoices/customer-invoice';
import { authedProcedure, router } from '../trpc';

/** The client portal's own reads and its one edit; the services scope everything to the actor's customer. */
export const portalRouter = router({
  /** The signed-in client's services and credit ledger. */
  account: authedProcedure.query(async ({ ctx }) => getCustomerAccount(ctx.service, { id: (await getOwnAccount(ctx.service)).id })),
  /** One invoice as the customer reads it (no notes, no desk history). */
  invoice: authedProcedure.input(invoiceIdInput).query(({ ctx, input }) => customerInvoice(ctx.service, { id: input.id, origin: ctx.origin })),
  updateProfile: authedProcedure.input(camelized(updateOwnProfileInput)).mutation(({ ctx, input }) => updateOwnProfile(ctx.service, input)),
});
