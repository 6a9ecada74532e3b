import type { Database } from '@/db';

/** Carries a preview's answer out of the transaction it rolls back. */
class PreviewRollback<T> extends Error {
  constructor(readonly result: T) {
    super('preview rolled back');
  }
}

/**
 * Runs a use case in one transaction; a preview runs exactly the same code and then rolls it
 * all back, so what it answers is what the call would write — documents, totals, the numbers
 * it would take — with one definition of each computation, and nothing stays: no document,
 * number, payment, ledger row, audit row or outbox event (a notify in a rolled-back
 * transaction is never delivered). What leaves the database (a gateway call) the use case
 * skips itself when `preview` is set.
 */
export async function writeOrPreview<T>(db: Database, preview: boolean | undefined, work: (tx: Database) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(async (tx) => {
      const result = await work(tx);
      if (preview) throw new PreviewRollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof PreviewRollback) return error.result as T;
    throw error;
  }
}
