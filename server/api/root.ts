import { dashboardKpisQuery } from '../schemas/dashboard';
import { dashboardSummary } from '../services/reports/dashboard';
import { dashboardKpis } from '../services/reports/kpis';
import { accountRouter } from './routers/account';
import { automationRouter } from './routers/automation';
import { catalogRouter } from './routers/catalog';
import { collectRouter } from './routers/collect';
import { commissionsRouter } from './routers/commissions';
import { customersRouter } from './routers/customers';
import { invoiceDeskRouter } from './routers/invoice-desk';
import { invoicesRouter } from './routers/invoices';
import { notesRouter } from './routers/notes';
import { notifyRouter } from './routers/notify';
import { ordersRouter } from './routers/orders';
import { paymentsRouter } from './routers/payments';
import { peopleRouter } from './routers/people';
import { portalRouter } from './routers/portal';
import { reportsRouter } from './routers/reports';
import { resellersRouter } from './routers/resellers';
import { savedViewsRouter } from './routers/saved-views';
import { searchRouter } from './routers/search';
import { servicesRouter } from './routers/services';
import { settingsRouter } from './routers/settings';
import { storeRouter } from './routers/store';
import { transactionsRouter } from './routers/transactions';
import { vouchersRouter } from './routers/vouchers';
import { webhooksRouter } from './routers/webhooks';
import { authedProcedure, createCallerFactory, permissionProcedure, router } from './trpc';

export const appRouter = router({
  /** Who is signed in and what they may do, for showing only the actions that will work. */
  me: authedProcedure.query(({ ctx }) => ({ role: ctx.actor.role, permissions: [...ctx.actor.permissions] })),
  dashboard: permissionProcedure('invoices.view').query(({ ctx }) => dashboardSummary(ctx.service)),
  /** The dashboard's KPI tiles for the caller's book, in one currency (the dashboard's gate, not reports.view). */
  dashboardKpis: permissionProcedure('invoices.view')
    .input(dashboardKpisQuery)
    .query(({ ctx, input }) => dashboardKpis(ctx.service, input)),
  account: accountRouter,
  customers: customersRouter,
  invoices: invoicesRouter,
  invoiceDesk: invoiceDeskRouter,
  orders: ordersRouter,
  catalog: catalogRouter,
  settings: settingsRouter,
  people: peopleRouter,
  notes: notesRouter,
  notify: notifyRouter,
  automation: automationRouter,
  store: storeRouter,
  portal: portalRouter,
  resellers: resellersRouter,
  transactions: transactionsRouter,
  payments: paymentsRouter,
  services: servicesRouter,
  commissions: commissionsRouter,
  reports: reportsRouter,
  savedViews: savedViewsRouter,
  search: searchRouter,
  collect: collectRouter,
  vouchers: vouchersRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
