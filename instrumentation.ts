// Opens, migrates and (on a fresh embedded install) seeds the database as the server starts,
// so the first visitor does not wait for it and a broken configuration fails at once.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const { database } = await import('./server/db');
  await database();
}
