import { randomBytes } from 'node:crypto';

/**
 * Logs an error no rule anticipated under a short reference and returns the answer a client
 * gets instead of its text (which may name tables, SQL or secrets). The person quoting the
 * reference leads an operator to the one log line with the details.
 */
export function reportUnexpected(where: string, error: unknown): { ref: string; message: string } {
  const ref = `err_${randomBytes(3).toString('hex')}`;
  console.error(`[cashdesk] ${ref}: unhandled error in ${where}`, error);
  return { ref, message: `Something went wrong (ref ${ref}); nothing was changed` };
}
