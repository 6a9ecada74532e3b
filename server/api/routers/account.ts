import { z } from 'zod';
import { changeNameInput, changePasswordInput, securitySettings, twoFactorCode } from '../../schemas/account';
import { camelized } from '../../schemas/common';
import { changeName } from '../../services/account/change-name';
import { changePassword } from '../../services/account/change-password';
import { consoleGate } from '../../services/account/console-gate';
import { confirmTwoFactor, disableTwoFactor, recoveryCodesLeft, startTwoFactor, twoFactorStatus } from '../../services/account/two-factor';
import { getSecuritySettings, updateSecuritySettings } from '../../services/settings/security';
import { adminProcedure, authedProcedure, consoleProcedure, router } from '../trpc';

/** The signed-in person's own account: password and two-factor sign-in, for every role. */
export const accountRouter = router({
  twoFactor: authedProcedure.query(async ({ ctx }) => {
    const status = await twoFactorStatus(ctx.service);
    return { ...status, recoveryCodesLeft: status.enabled ? await recoveryCodesLeft(ctx.service) : 0 };
  }),
  /** Whether the console must send this person to enrol first, and whether to warn of demo passwords. */
  gate: consoleProcedure.query(({ ctx }) => consoleGate(ctx.service)),
  changeName: authedProcedure.input(changeNameInput).mutation(({ ctx, input }) => changeName(ctx.service, input)),
  changePassword: authedProcedure.input(camelized(changePasswordInput)).mutation(({ ctx, input }) => changePassword(ctx.service, input)),
  startTwoFactor: authedProcedure.mutation(({ ctx }) => startTwoFactor(ctx.service)),
  confirmTwoFactor: authedProcedure.input(z.object({ code: twoFactorCode })).mutation(({ ctx, input }) => confirmTwoFactor(ctx.service, input)),
  disableTwoFactor: authedProcedure
    .input(z.object({ password: z.string().min(1, 'is required').max(200) }))
    .mutation(({ ctx, input }) => disableTwoFactor(ctx.service, input)),
  security: adminProcedure.query(({ ctx }) => getSecuritySettings(ctx.service)),
  updateSecurity: adminProcedure.input(securitySettings).mutation(({ ctx, input }) => updateSecuritySettings(ctx.service, input)),
});
