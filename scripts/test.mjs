// `npm test`: typecheck, lint, unit, integration (real PostgreSQL), e2e (production build in
// Debian chromium) and crash safety (that build, killed), then one closing line counting the
// tests of every tier.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = '.test-results';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const run = (label, command, args, env = {}) => {
  console.info(`\n━━ ${label} ━━`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;
};

const vitestCounts = (file) => {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
};

const playwrightCounts = (file) => {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
};

const gates = [run('typecheck', 'npx', ['tsc', '--noEmit']), run('lint', 'npx', ['eslint', '.', '--max-warnings', '0'])];

const vitest = (project, extra = [], { label = project, env = {} } = {}) => {
  const file = `${out}/${label}.json`;
  const ok = run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${file}`, ...extra], env);
  return { counts: vitestCounts(file), ok };
};

// Unit tests also enforce the coverage threshold of server/billing (vitest.config.ts).
const unit = vitest('unit', ['--coverage']);
gates.push(unit.ok);
const tiers = {
  unit: unit.counts,
  integration: vitest('integration').counts,
};
// Integration tests run on a fixed clock, a 31st by default (tests/support/fixed-clock.ts); the
// suites whose answers hang on the date run again on the other days calendars get wrong.
const dateSensitive = [
  'tests/orders/billing-run.test.ts',
  'tests/rest/orders-api.test.ts',
  'tests/jobs/workflows.test.ts',
  'tests/jobs/time-zone.test.ts',
  'tests/invoices',
];
for (const date of ['2028-02-29T12:00:00Z', '2027-02-28T23:30:00Z', '2027-03-28T01:30:00Z']) {
  const label = `integration@${date.slice(0, 10)}`;
  tiers[label] = vitest('integration', dateSensitive, { label, env: { CASHDESK_TEST_NOW: date } }).counts;
}
run('e2e', 'node', ['e2e/run.mjs'], { E2E_JSON: `${out}/e2e.json` });
tiers.e2e = playwrightCounts(`${out}/e2e.json`);
// Crash safety kills the production server e2e just built (.next) mid-work; it builds nothing.
tiers.reliability = vitest('reliability').counts;

const total = { passed: 0, failed: 0, skipped: 0 };
console.info('\n━━ summary ━━');
for (const [tier, counts] of Object.entries(tiers)) {
  console.info(`${tier}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += counts[key];
}
const gatesOk = gates.every(Boolean);
if (!gatesOk) console.info('typecheck, lint or the billing coverage threshold failed (see above)');
console.info(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(gatesOk && total.failed === 0 ? 0 : 1);
