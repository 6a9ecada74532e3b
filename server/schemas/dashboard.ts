import { z } from 'zod';
import { currencyCode, type DomainInput } from './common';

// The dashboard's KPI tiles: the currency to show (empty, as a cleared switch sends it, is none).
export const dashboardKpisQuery = z.object({ currency: z.preprocess((v) => (v === '' ? undefined : v), currencyCode.optional()) });
export type DashboardKpisInput = DomainInput<typeof dashboardKpisQuery>;
