import { anonymousActor } from '../../auth/actor';
import { camelized } from '../../schemas/common';
import { quoteInput } from '../../schemas/store';
import { quoteCart } from '../../services/storefront/quote-cart';
import { publicProcedure, router } from '../trpc';

/** The storefront's reads, open to visitors: a signed-in client is quoted in their own currency. */
export const storeRouter = router({
  quote: publicProcedure
    .input(camelized(quoteInput))
    .query(({ ctx, input }) => quoteCart({ db: ctx.db, actor: ctx.actor ?? anonymousActor(), now: new Date() }, input)),
});
