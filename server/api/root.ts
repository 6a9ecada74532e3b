import { customersRouter } from './routers/customers';
import { invoicesRouter } from './routers/invoices';
import { settingsRouter } from './routers/settings';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  customers: customersRouter,
  invoices: invoicesRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
