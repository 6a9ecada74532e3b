import { camelized } from '../../schemas/common';
import {
  addCustomerContactInput,
  adjustCreditInput,
  createCustomerInput,
  customerContactIdInput,
  customerIdInput,
  listCustomersInput,
  quickPayInput,
  updateCustomerInput,
} from '../../schemas/customers';
import { adjustCredit } from '../../services/credit/adjust';
import { getCustomerAccount, quickPay } from '../../services/customers/account';
import { addCustomerContact } from '../../services/customers/add-contact';
import { listCollectorOptions } from '../../services/customers/collector-options';
import { createCustomer } from '../../services/customers/create';
import { getCustomer, getCustomerHistory, getOwnAccount } from '../../services/customers/get';
import { listCustomers } from '../../services/customers/list';
import { listCustomerContacts } from '../../services/customers/list-contacts';
import { removeCustomerContact } from '../../services/customers/remove-contact';
import { updateCustomer } from '../../services/customers/update';
import { getWallet } from '../../services/wallet/get';
import { once, withIdempotencyKey } from '../idempotent';
import { authedProcedure, permissionProcedure, router } from '../trpc';

export const customersRouter = router({
  list: permissionProcedure('customers.view')
    .input(listCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.service, input)),
  byId: authedProcedure.input(customerIdInput).query(({ ctx, input }) => getCustomer(ctx.service, input)),
  mine: authedProcedure.query(({ ctx }) => getOwnAccount(ctx.service)),
  /** The cash collectors a customer may be assigned to (the customer page's picker); the desk only. */
  collectors: permissionProcedure('customers.view').query(({ ctx }) => listCollectorOptions(ctx.service)),
  /** The prepaid wallet: a client reads its own, the consoles their scope's (the service decides). */
  wallet: authedProcedure.input(customerIdInput).query(({ ctx, input }) => getWallet(ctx.service, input)),
  history: permissionProcedure('customers.view')
    .input(customerIdInput)
    .query(({ ctx, input }) => getCustomerHistory(ctx.service, input)),
  account: permissionProcedure('customers.view')
    .input(customerIdInput)
    .query(({ ctx, input }) => getCustomerAccount(ctx.service, input)),
  quickPay: permissionProcedure('invoices.edit')
    .input(quickPayInput.extend({ customerId: customerIdInput.shape.id }).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'customers.quickPay', input, (service) => quickPay(service, input))),
  create: permissionProcedure('customers.create')
    .input(camelized(createCustomerInput))
    .mutation(({ ctx, input }) => createCustomer(ctx.service, input)),
  update: permissionProcedure('customers.edit')
    .input(camelized(updateCustomerInput.extend(customerIdInput.shape)))
    .mutation(({ ctx, input }) => updateCustomer(ctx.service, input)),
  adjustCredit: permissionProcedure('customers.edit')
    .input(adjustCreditInput.extend({ customerId: customerIdInput.shape.id }).extend(withIdempotencyKey.shape))
    .mutation(({ ctx, input }) => once(ctx, 'customers.adjustCredit', input, (service) => adjustCredit(service, input))),
  contacts: permissionProcedure('customers.view')
    .input(customerIdInput)
    .query(({ ctx, input }) => listCustomerContacts(ctx.service, { customerId: input.id })),
  addContact: permissionProcedure('customers.edit')
    .input(camelized(addCustomerContactInput))
    .mutation(({ ctx, input }) => addCustomerContact(ctx.service, input)),
  removeContact: permissionProcedure('customers.edit')
    .input(customerContactIdInput)
    .mutation(({ ctx, input }) => removeCustomerContact(ctx.service, input)),
});
