import { customersRouter } from './routers/customers';
import { invoicesRouter } from './routers/invoices';
import { catalogRouter, ordersRouter } from './routers/orders';
import { settingsRouter } from './routers/settings';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  customers: customersRouter,
  invoices: invoicesRouter,
  orders: ordersRouter,
  catalog: catalogRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
