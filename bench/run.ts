// `npm run bench -- <name>`: benchmarks against a throwaway database on DATABASE_URL's server
// (default: the local test server). Each prints throughput and the ratios that matter.
import { billingBench } from './billing';
import { consoleBench } from './console';
import { customersBench } from './customers';
import { pdfBench } from './pdf';
import { reportsBench } from './reports';
import { usageBench } from './usage';
import { webhooksBench } from './webhooks';
import { webhooksOutBench } from './webhooks-out';

const benches: Record<string, () => Promise<void>> = {
  customers: customersBench,
  billing: billingBench,
  console: consoleBench,
  pdf: pdfBench,
  webhooks: webhooksBench,
  'webhooks-out': webhooksOutBench,
  usage: usageBench,
  reports: reportsBench,
};

const names = process.argv.slice(2).filter((a) => a !== '--' && !a.startsWith('--'));
const selected = names.length > 0 ? names : Object.keys(benches);
for (const name of selected) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown bench "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.info(`\n== ${name}`);
  await bench();
}
process.exit(0);
