import { createSavedViewInput, deleteSavedViewInput, listSavedViewsInput, renameSavedViewInput } from '../../schemas/saved-views';
import { createSavedView, deleteSavedView, listSavedViews, renameSavedView } from '../../services/saved-views/manage-views';
import { bookProcedure, router } from '../trpc';

// Views are the caller's own whatever the role: the service reads and changes only the
// signed-in person's, so anyone working a console list keeps theirs (clients have no such lists).
export const savedViewsRouter = router({
  list: bookProcedure.input(listSavedViewsInput).query(({ ctx, input }) => listSavedViews(ctx.service, input)),
  create: bookProcedure.input(createSavedViewInput).mutation(({ ctx, input }) => createSavedView(ctx.service, input)),
  rename: bookProcedure.input(renameSavedViewInput).mutation(({ ctx, input }) => renameSavedView(ctx.service, input)),
  delete: bookProcedure.input(deleteSavedViewInput).mutation(({ ctx, input }) => deleteSavedView(ctx.service, input)),
});
