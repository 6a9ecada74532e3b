import { z } from 'zod';
import { permissions } from '../../auth/permissions';
import { camelized, id, optionalText } from '../../schemas/common';
import { plainDate } from '../../schemas/invoices';
import { listAudit } from '../../services/audit/list';
import { createStaff, listStaff, setStaffPermissions, setUserDisabled } from '../../services/people/staff';
import { adminProcedure, router } from '../trpc';

const permissionList = z.array(z.enum(permissions)).max(permissions.length);

export const peopleRouter = router({
  staff: adminProcedure.query(({ ctx }) => listStaff(ctx.service)),
  createStaff: adminProcedure
    .input(
      z.object({
        name: z.string().trim().min(1, 'is required').max(200),
        email: z.string().trim().toLowerCase().pipe(z.email('must be a valid e-mail address')),
        password: z.string().min(10, 'must be at least 10 characters').max(200),
        permissions: permissionList,
      }),
    )
    .mutation(({ ctx, input }) => createStaff(ctx.service, input)),
  setPermissions: adminProcedure.input(z.object({ id, permissions: permissionList })).mutation(({ ctx, input }) => setStaffPermissions(ctx.service, input)),
  setDisabled: adminProcedure.input(z.object({ id, disabled: z.boolean() })).mutation(({ ctx, input }) => setUserDisabled(ctx.service, input)),
  audit: adminProcedure
    .input(
      camelized(
        z.object({
          actor: optionalText(200),
          entity_type: optionalText(50),
          action: optionalText(100),
          from: plainDate.optional(),
          to: plainDate.optional(),
          before: z.string().regex(/^\d+$/).optional(),
          limit: z.number().int().min(1).max(200).default(50),
        }),
      ),
    )
    .query(({ ctx, input }) => listAudit(ctx.service, input)),
});
