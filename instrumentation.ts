// Opens, migrates and (on a fresh embedded install) seeds the database as the server starts,
// so the first visitor does not wait for it and a broken configuration fails at once; then
// starts the workflow loop (outbox dispatch, and the cron scheduler without Inngest).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ databaseHandle }, { env }, { startWorkflowLoop }, { workflows }] = await Promise.all([
    import('./server/db'),
    import('./server/env'),
    import('./server/jobs/loop'),
    import('./inngest/functions'),
  ]);
  const handle = await databaseHandle();
  const config = env();
  startWorkflowLoop(handle.db, { mode: config.inngestMode, workflows }, { scheduler: config.CASHDESK_SCHEDULER === 'on', listen: handle.listen });
}
