import { isUniqueViolation } from '@/db/errors';
import { AppError } from '@/server/errors';

/** Whether an insert or update failed because another user already signs in with that e-mail (matched case-insensitively). */
export const isEmailTaken = (error: unknown) => isUniqueViolation(error, 'users_email_lower_uq');

export const emailTaken = () => new AppError('conflict', 'Someone already signs in with this e-mail', { email: 'is already used by another account' });
