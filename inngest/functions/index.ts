import { database } from '@/server/db';
import { toInngestFunction } from '@/server/jobs/workflow';
import { activateOrder } from './activate';
import { notifyApproval } from './approval';
import { billingRun, dunningRun } from './billing';
import { serviceLifecycle } from './lifecycle';
import { notifyCustomer } from './notify';
import { ping } from './ping';
import { reconcileRun } from './reconcile';
import { notifyWebhookDisabled } from './webhook-disabled';

/** The workflows: run by the embedded runner, and served to Inngest when it is configured. */
export const workflows = [activateOrder, serviceLifecycle, billingRun, dunningRun, notifyCustomer, reconcileRun, notifyApproval, notifyWebhookDisabled];

/** All functions served at /api/inngest, their crons read in the configured time zone. */
export const inngestFunctions = (timeZone: string) => [ping, ...workflows.map((workflow) => toInngestFunction(workflow, database, timeZone))];
