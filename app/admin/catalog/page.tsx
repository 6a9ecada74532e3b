import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { formatMoney } from '@/server/billing/currency';
import { formatMilli } from '@/server/billing/decimal';
import { Card, PageHeader } from '../../_components/ui/card';
import { requireArea, requirePermissionPage } from '../../_lib/guard';
import { CatalogActions } from './catalog-actions';
import { formatDay } from '../../_lib/format';

export const metadata: Metadata = { title: 'Catalog' };


export default async function CatalogPage() {
  await requireArea('admin');
  await requirePermissionPage('catalog.view');
  const trpc = await api();
  const [products, coupons, me] = await Promise.all([trpc.catalog.products({ limit: 200 }), trpc.catalog.coupons(), trpc.me()]);
  const canManage = me.permissions.includes('catalog.manage');
  return (
    <>
      <PageHeader title="Catalog" description="What you sell, at which prices, and the coupons that discount it.">
        {canManage ? <CatalogActions /> : null}
      </PageHeader>
      <Card className="overflow-hidden">
        <table className="w-full text-sm" aria-label="Products">
          <thead className="border-b border-border bg-muted text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th className="px-4 py-2.5 font-medium">Product</th>
              <th className="px-4 py-2.5 font-medium">Type</th>
              <th className="px-4 py-2.5 font-medium">Prices</th>
              <th className="px-4 py-2.5 font-medium">Options</th>
              <th className="px-4 py-2.5 font-medium">Goes live</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {products.items.map((p) => (
              <tr key={p.id} className="align-top">
                <td className="px-4 py-2.5">
                  <div className="font-medium">{p.name}</div>
                  <div className="text-xs text-fg-muted">{p.category ?? 'Uncategorised'}</div>
                </td>
                <td className="px-4 py-2.5">{p.type === 'recurring' ? 'Recurring' : 'One-time'}</td>
                <td className="px-4 py-2.5">
                  <ul className="space-y-0.5">
                    {p.prices.map((price) => (
                      <li key={`${price.cycle}-${price.currency}`} className="tabular-nums">
                        {formatMoney(price.amount, price.currency)} <span className="text-fg-muted">{price.cycle.replace('_', ' ')}</span>
                        {price.setupFee > 0n ? <span className="text-fg-muted"> + {formatMoney(price.setupFee, price.currency)} setup</span> : null}
                      </li>
                    ))}
                  </ul>
                </td>
                <td className="px-4 py-2.5">{p.optionGroups.map((g) => `${g.name} (${g.options.length})`).join(', ') || '—'}</td>
                <td className="px-4 py-2.5">{p.autoActivate ? 'On payment' : 'After approval'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card className="mt-6 overflow-hidden">
        <table className="w-full text-sm" aria-label="Coupons">
          <thead className="border-b border-border bg-muted text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th className="px-4 py-2.5 font-medium">Code</th>
              <th className="px-4 py-2.5 font-medium">Discount</th>
              <th className="px-4 py-2.5 font-medium">Duration</th>
              <th className="px-4 py-2.5 font-medium">Used</th>
              <th className="px-4 py-2.5 font-medium">Expires</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {coupons.map((c) => (
              <tr key={c.id}>
                <td className="px-4 py-2.5 font-mono font-medium">{c.code}</td>
                <td className="px-4 py-2.5">{c.type === 'percent' ? `${formatMilli(c.value)}%` : formatMoney(c.value, c.currency ?? 'USD')}</td>
                <td className="px-4 py-2.5">{c.duration === 'repeating' ? `${c.cycles} cycles` : c.duration}</td>
                <td className="px-4 py-2.5 tabular-nums">
                  {c.uses}
                  {c.maxUses ? ` / ${c.maxUses}` : ''}
                  {c.oncePerCustomer ? <span className="text-fg-muted"> · once per customer</span> : null}
                </td>
                <td className="px-4 py-2.5">{c.expiresAt ? formatDay(c.expiresAt) : 'never'}</td>
              </tr>
            ))}
            {coupons.length === 0 ? (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-fg-muted">
                  No coupons yet.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </Card>
    </>
  );
}
