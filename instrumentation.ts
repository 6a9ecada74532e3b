// Opens, migrates and (on a fresh embedded install) seeds the database as the server starts,
// so the first visitor does not wait for it and a broken configuration fails at once; then
// starts the workflow loop (outbox dispatch, and the cron scheduler without Inngest) and the
// delivery of webhooks out.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ databaseHandle }, { env, publicOrigin }, { startWorkflowLoop }, { startWebhookLoop }, { workflows }] = await Promise.all([
    import('./server/db'),
    import('./server/env'),
    import('./server/jobs/loop'),
    import('./server/jobs/webhook-loop'),
    import('./inngest/functions'),
  ]);
  const handle = await databaseHandle();
  const config = env();
  startWorkflowLoop(handle.db, { mode: config.inngestMode, workflows }, { scheduler: config.CASHDESK_SCHEDULER === 'on', listen: handle.listen });
  startWebhookLoop(handle.db, { origin: publicOrigin(), listen: handle.listen, claimMs: config.CASHDESK_WEBHOOK_CLAIM_MS });
}
