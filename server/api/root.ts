import { customersRouter } from './routers/customers';
import { invoicesRouter } from './routers/invoices';
import { catalogRouter, ordersRouter } from './routers/orders';
import { settingsRouter } from './routers/settings';
import { authedProcedure, createCallerFactory, router } from './trpc';

export const appRouter = router({
  /** Who is signed in and what they may do, for showing only the actions that will work. */
  me: authedProcedure.query(({ ctx }) => ({ role: ctx.actor.role, permissions: [...ctx.actor.permissions] })),
  customers: customersRouter,
  invoices: invoicesRouter,
  orders: ordersRouter,
  catalog: catalogRouter,
  settings: settingsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
