import { PackagePlus } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { api } from '@/server/api/server-caller';
import { formatUnitPrice } from '@/server/billing/currency';
import { formatMilli } from '@/server/billing/decimal';
import { buttonClass } from '../../_components/ui/button';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { humanize } from '../../_lib/format';
import { requireArea } from '../../_lib/guard';
import { consoleFormats } from '../../_lib/money';
import { CatalogActions } from './catalog-actions';

export const metadata: Metadata = { title: 'Catalog' };

const typeLabel = { recurring: 'Recurring', one_time: 'One-time', usage: 'Usage' } as const;

export default async function CatalogPage() {
  await requireArea('admin');
  const formats = await consoleFormats();
  const { money } = formats;
  const trpc = await api();
  const [products, coupons, me] = await Promise.all([trpc.catalog.products({ limit: 200 }), trpc.catalog.coupons(), trpc.me()]);
  const canManage = me.permissions.includes('catalog.manage');
  return (
    <>
      <PageHeader title="Catalog" description="What you sell, at which prices, and the coupons that discount it.">
        {canManage ? (
          <>
            <Link href="/admin/catalog/new" className={buttonClass('secondary')}>
              <PackagePlus className="size-4" aria-hidden /> New product
            </Link>
            <CatalogActions />
          </>
        ) : null}
      </PageHeader>
      <Card className="overflow-hidden">
        <DataTable label="Products" columns={[{ label: 'Product' }, { label: 'Type' }, { label: 'Prices' }, { label: 'Options' }, { label: 'Goes live' }]}>
          {products.items.map((p) => (
            <tr key={p.id} className="align-top">
              <td className="px-4 py-2.5">
                {canManage ? (
                  <Link href={`/admin/catalog/${p.id}`} className="font-medium text-accent hover:underline">
                    {p.name}
                  </Link>
                ) : (
                  <div className="font-medium">{p.name}</div>
                )}
                {p.active ? null : <span className="ml-2 rounded-full bg-muted px-2 py-0.5 text-xs text-fg-muted">off sale</span>}
                <div className="text-xs text-fg-muted">{p.category ?? 'Uncategorised'}</div>
              </td>
              <td className="px-4 py-2.5">{typeLabel[p.type]}</td>
              <td className="px-4 py-2.5">
                <ul className="space-y-0.5">
                  {p.prices.map((price) => (
                    <li key={`${price.cycle}-${price.currency}`} className="tabular-nums">
                      {price.unitAmount === null
                        ? money(price.amount, price.currency)
                        : `${formatUnitPrice(price.unitAmount, price.currency)} ${price.currency} per unit`}{' '}
                      <span className="text-fg-muted">{humanize(price.cycle)}</span>
                      {price.setupFee > 0n ? <span className="text-fg-muted"> + {money(price.setupFee, price.currency)} setup</span> : null}
                    </li>
                  ))}
                </ul>
              </td>
              <td className="px-4 py-2.5">{p.optionGroups.map((g) => `${g.name} (${g.options.length})`).join(', ') || '—'}</td>
              <td className="px-4 py-2.5">{p.autoActivate ? 'On payment' : 'After approval'}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
      <Card className="mt-6 overflow-hidden">
        <DataTable
          label="Coupons"
          columns={[{ label: 'Code' }, { label: 'Discount' }, { label: 'Duration' }, { label: 'Used' }, { label: 'Expires' }]}
          empty={coupons.length === 0 ? 'No coupons yet.' : undefined}
        >
          {coupons.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-2.5 font-mono font-medium">{c.code}</td>
              <td className="px-4 py-2.5">{c.type === 'percent' ? `${formatMilli(c.value)}%` : money(c.value, c.currency ?? 'USD')}</td>
              <td className="px-4 py-2.5">{c.duration === 'repeating' ? `${c.cycles} cycles` : c.duration}</td>
              <td className="px-4 py-2.5 tabular-nums">
                {c.uses}
                {c.maxUses ? ` / ${c.maxUses}` : ''}
                {c.oncePerCustomer ? <span className="text-fg-muted"> · once per customer</span> : null}
              </td>
              <td className="px-4 py-2.5">{c.expiresAt ? formats.day(c.expiresAt) : 'never'}</td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
