import { searchInput } from '../../schemas/search';
import { searchEverything } from '../../services/search/find';
import { bookProcedure, router } from '../trpc';

// The console's ⌘K palette: the desk and resellers; the service scopes each kind by the actor.
export const searchRouter = router({
  find: bookProcedure.input(searchInput).query(({ ctx, input }) => searchEverything(ctx.service, input)),
});
