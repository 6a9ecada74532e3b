import { z } from 'zod';
import { camelized, id } from '../../schemas/common';
import { auditFilters, auditPosition, createStaffInput, staffPermissionsInput, userDisabledInput } from '../../schemas/people';
import { listAudit } from '../../services/audit/list';
import { createStaff, listStaff, setStaffPermissions, setUserDisabled } from '../../services/people/staff';
import { adminProcedure, router } from '../trpc';

export const peopleRouter = router({
  staff: adminProcedure.query(({ ctx }) => listStaff(ctx.service)),
  createStaff: adminProcedure.input(createStaffInput).mutation(({ ctx, input }) => createStaff(ctx.service, input)),
  setPermissions: adminProcedure.input(staffPermissionsInput.extend({ id })).mutation(({ ctx, input }) => setStaffPermissions(ctx.service, input)),
  setDisabled: adminProcedure.input(userDisabledInput.extend({ id })).mutation(({ ctx, input }) => setUserDisabled(ctx.service, input)),
  audit: adminProcedure
    .input(camelized(auditFilters.extend({ before: auditPosition.optional(), limit: z.number().int().min(1).max(200).default(50) })))
    .query(({ ctx, input }) => listAudit(ctx.service, input)),
});
