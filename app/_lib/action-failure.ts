import { AppError, type FieldErrors } from '@/server/errors';

/** A server action's refusal, returned as a value: a thrown message would be redacted. */
export type ActionFailure = { message: string; fields?: FieldErrors | undefined };

/** An AppError's words and fields; anything else is logged and answered in general words. */
export function actionFailure(error: unknown, area: string): ActionFailure {
  if (error instanceof AppError) return { message: error.message, fields: error.fields };
  console.error(`[${area}] action failed`, error);
  return { message: 'Something went wrong on our side and nothing was changed. Please try again.' };
}
