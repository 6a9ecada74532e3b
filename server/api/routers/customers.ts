import { createCustomer } from '../../services/create-customer';
import { getCustomer, getOwnAccount } from '../../services/get-customer';
import { listCustomers } from '../../services/list-customers';
import { createCustomerInput, customerIdInput, listCustomersInput } from '../../schemas/customers';
import { authedProcedure, permissionProcedure, router } from '../trpc';

export const customersRouter = router({
  list: permissionProcedure('customers.view')
    .input(listCustomersInput)
    .query(({ ctx, input }) => listCustomers(ctx.service, input)),
  byId: authedProcedure.input(customerIdInput).query(({ ctx, input }) => getCustomer(ctx.service, input)),
  mine: authedProcedure.query(({ ctx }) => getOwnAccount(ctx.service)),
  create: permissionProcedure('customers.create')
    .input(createCustomerInput)
    .mutation(({ ctx, input }) => createCustomer(ctx.service, input)),
});
