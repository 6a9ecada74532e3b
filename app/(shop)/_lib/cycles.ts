import type { PriceCycle } from '@/server/schemas/catalog';

type Recurring = Exclude<PriceCycle, 'one_time'>;

/** What follows a price in the store ("€9.00/mo"): the cycle, short; nothing after a one-time price. */
export const perCycle = (t: (key: `per.${Recurring}`) => string, cycle: string): string => (cycle === 'one_time' ? '' : t(`per.${cycle as Recurring}`));
