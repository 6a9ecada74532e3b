// Opens, migrates and (on a fresh embedded install) seeds the database as the server starts,
// so the first visitor does not wait for it and a broken configuration fails at once; then
// starts the workflow loop (outbox dispatch, and the cron scheduler without Inngest).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ database }, { env }, { startWorkflowLoop }, { workflows }] = await Promise.all([
    import('./server/db'),
    import('./server/env'),
    import('./server/jobs/loop'),
    import('./inngest/functions'),
  ]);
  const db = await database();
  const config = env();
  startWorkflowLoop(db, { mode: config.inngestMode, workflows }, { scheduler: config.CASHDESK_SCHEDULER === 'on' });
}
