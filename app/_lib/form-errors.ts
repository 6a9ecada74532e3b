import { toast } from 'sonner';
import type { FieldErrors } from '@/server/errors';

type MutationError = { message: string; data?: { fields?: FieldErrors | undefined } | null };

/**
 * A form mutation's onError: field errors (from the service's zod schema or AppError.fields)
 * go under their inputs; anything else is a toast.
 */
export const showFieldErrors = (setErrors: (fields: FieldErrors) => void) => (error: MutationError) =>
  error.data?.fields ? setErrors(error.data.fields) : toast.error(error.message);
