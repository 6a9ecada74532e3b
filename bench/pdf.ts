import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { toDataURL } from 'qrcode';
import type { InvoiceDocumentModel } from '@/server/documents/model';
import { sampleDocument } from '@/tests/support/sample-document';
import { fmt } from './support';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

// A collectable heap before each memory reading, so the numbers show what is retained rather
// than when the collector last ran.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

function invoice(lines: number, logo: string | null): InvoiceDocumentModel {
  const items = Array.from({ length: lines }, (_, i) => ({
    description: i % 4 === 0 ? `Managed VPS «Zoë» — Иван Петров, node ${i + 1}, with backups and a long description that wraps` : `IPv4 address ${i + 1}`,
    quantity: i % 2 ? '1.5' : '2',
    unitPrice: 1999n + BigInt(i),
    taxRate: i % 3 ? '20' : '7.375',
    subtotal: 2999n,
    tax: 221n,
    total: 3220n,
  }));
  const sum = (pick: (l: (typeof items)[number]) => bigint) => items.reduce((s, l) => s + pick(l), 0n);
  return sampleDocument({
    status: 'partial',
    seller: {
      name: 'Cashdesk Hosting GmbH',
      lines: ['Hauptstraße 1', '10115 Berlin', 'Germany'],
      taxId: 'DE123456789',
      logo,
      bankDetails: 'IBAN DE89 3704 0044 0532 0130 00\nBIC COBADEFFXXX',
    },
    customer: { name: 'ООО «Ромашка»', lines: ['Zoë Ångström', 'Ул. Тверская 7', '125009 Москва', 'Russia'], taxId: 'RU7701234567' },
    lines: items,
    subtotal: sum((l) => l.subtotal),
    taxTotal: sum((l) => l.tax),
    total: sum((l) => l.total),
    amountPaid: 1000n,
    balance: sum((l) => l.total) - 1000n,
    notes: 'Thank you for your business.',
    publicUrl: 'https://billing.example.test/p/invoice/3f1c2b7e-0000-4000-8000-000000000001?token=Qk3v8J0pX1yZ2aB3cD4eF5gH6iJ7kL8mN9oP0qR1sT2',
  });
}

/** Sequential renders: documents per second by the clock and by this process's CPU time. */
async function throughput(count: number, render: () => Promise<Uint8Array>) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  let bytes = 0;
  for (let i = 0; i < count; i++) bytes += (await render()).byteLength;
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / count;
  return { perSecond: count / seconds, wallMs: (seconds * 1000) / count, cpuMs, kb: bytes / count / 1024 };
}

/** A4 invoices of 5 and 200 lines: documents per second, and memory across 500 renders. */
export async function pdfBench() {
  // React's production build, as `next start` runs it (the development build is markedly
  // slower). Set before the renderer is first imported, which is why the imports are dynamic.
  Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
  const [{ renderInvoicePdf, cachedInvoicePdf }, { parsePaper }, { opaqueLogo }] = await Promise.all([
    import('@/server/documents/render'),
    import('@/server/documents/paper'),
    import('@/server/documents/logo'),
  ]);
  const a4 = parsePaper('A4')!;
  // A transparent PNG, flattened as the settings loader does.
  const logo = opaqueLogo(await toDataURL('Cashdesk', { width: 120, margin: 1 }));
  const short = invoice(5, logo);
  const long = invoice(200, logo);
  for (let i = 0; i < 10; i++) await renderInvoicePdf(short, a4);
  await renderInvoicePdf(long, a4);

  const one = await throughput(100, () => renderInvoicePdf(short, a4));
  console.info(`A4, 5 lines (1 page):    ${one.perSecond.toFixed(1)} documents/s  (${fmt(one.wallMs)} each, ${fmt(one.cpuMs)} CPU, ${one.kb.toFixed(0)} KB)`);
  const many = await throughput(8, () => renderInvoicePdf(long, a4));
  console.info(
    `A4, 200 lines (multi-page): ${many.perSecond.toFixed(2)} documents/s  (${fmt(many.wallMs)} each, ${fmt(many.cpuMs)} CPU, ${many.kb.toFixed(0)} KB)`,
  );
  const hit = await throughput(1000, () => cachedInvoicePdf(short, a4));
  console.info(`cached version (digest + LRU hit): ${fmt(hit.wallMs)} each`);

  // Two rounds: the first may still grow caches (glyphs, images); the second must not grow.
  for (const round of ['first', 'second']) {
    collect();
    const before = process.memoryUsage();
    const soak = await throughput(500, () => renderInvoicePdf(short, a4));
    collect();
    const after = process.memoryUsage();
    const delta = (a: number, b: number) => `${b >= a ? '+' : ''}${mb(b - a)}`;
    console.info(
      `${round} 500 renders (${soak.perSecond.toFixed(1)}/s): RSS ${mb(before.rss)} → ${mb(after.rss)} (${delta(before.rss, after.rss)}), ` +
        `heap ${mb(before.heapUsed)} → ${mb(after.heapUsed)} (${delta(before.heapUsed, after.heapUsed)})`,
    );
  }
  const target = 20;
  console.info(
    one.perSecond >= target ? `one-page target of ${target}/s: met` : `one-page target of ${target}/s: NOT met (${one.perSecond.toFixed(1)}/s on this machine)`,
  );
}
