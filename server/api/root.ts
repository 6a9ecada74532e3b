import { customersRouter } from './routers/customers';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  customers: customersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
