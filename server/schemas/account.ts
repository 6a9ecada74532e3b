import { z } from 'zod';
import { requiredText, type DomainInput } from './common';

/** The shortest new password; its rule in words is auth.form.passwordRules, shown before anyone types. */
export const passwordMin = 10;

/** What any new password must be; the same rule for staff created by an admin. */
export const newPassword = z
  .string({ error: 'is required' })
  .min(passwordMin, `must be at least ${passwordMin} characters`)
  .max(200, 'must be at most 200 characters');

export const changePasswordInput = z.object({
  current_password: z.string().min(1, 'is required').max(200),
  new_password: newPassword,
});
export type ChangePasswordInput = DomainInput<typeof changePasswordInput>;

/** The name a signed-in person goes by in the console (and in audit trails). */
export const changeNameInput = z.strictObject({ name: requiredText(200) });

export const requestPasswordResetInput = z.object({ email: z.string().trim().toLowerCase().pipe(z.email('must be a valid e-mail address')) });

export const resetPasswordInput = z.object({ token: z.string().min(1).max(200), new_password: newPassword });
export type ResetPasswordInput = DomainInput<typeof resetPasswordInput>;

/** A six-digit authenticator code, or a recovery code ("xxxxx-xxxxx"); spaces are forgiven. */
export const twoFactorCode = z
  .string()
  .transform((value) => value.replace(/\s+/g, '').toLowerCase())
  .pipe(z.string().min(6, 'enter the 6-digit code').max(20));

export const securitySettings = z.object({ require_two_factor: z.boolean().default(false) });
export type SecuritySettings = z.infer<typeof securitySettings>;
