'use client';

import { Bar, CartesianGrid, ComposedChart, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useMoney } from '../../_components/money';

// The charts draw with the theme's colours (CSS variables), so they follow light and dark mode.
// Amounts arrive as minor units in strings (a bigint does not cross to the client); they become
// numbers only for the geometry, and every label is formatted from the exact bigint.
const axis = { stroke: 'var(--border)', tick: { fill: 'var(--fg-muted)', fontSize: 12 } };
const tooltip = {
  contentStyle: { background: 'var(--surface)', border: '1px solid var(--border)', borderRadius: 6, color: 'var(--fg)' },
  labelStyle: { color: 'var(--fg)' },
  cursor: { fill: 'var(--muted)' },
};
const height = 280;
// No animation: a figure is there to be read (and printed) at once, not caught half-drawn.
const still = { isAnimationActive: false } as const;

function useAmount(currency: string) {
  const money = useMoney();
  return (value: unknown) => money(BigInt(Math.round(Number(value))), currency);
}

type RevenuePoint = { period: string; invoiced: string; collected: string; refunded: string };

/** Collected and refunded stacked per period, invoiced as a line over them; the table below holds the same figures. */
export function RevenueChart({ currency, rows, summary }: { currency: string; rows: RevenuePoint[]; summary: string }) {
  const amount = useAmount(currency);
  const data = rows.map((r) => ({ period: r.period, invoiced: Number(r.invoiced), collected: Number(r.collected), refunded: Number(r.refunded) }));
  return (
    <div role="img" aria-label={summary} data-testid="revenue-chart">
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" {...axis} />
          <YAxis {...axis} width={96} tickFormatter={amount} />
          <Tooltip {...tooltip} formatter={(value) => amount(value)} />
          <Legend wrapperStyle={{ color: 'var(--fg-muted)', fontSize: 12 }} />
          <Bar dataKey="collected" name="Collected" stackId="cash" fill="var(--success)" {...still} />
          <Bar dataKey="refunded" name="Refunded" stackId="cash" fill="var(--danger)" {...still} />
          <Line dataKey="invoiced" name="Invoiced" type="linear" stroke="var(--accent)" strokeWidth={2} dot={false} {...still} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

/** MRR at each month's end; the movements table below holds the same figures. */
export function MrrChart({ currency, rows, summary }: { currency: string; rows: Array<{ period: string; mrr: string }>; summary: string }) {
  const amount = useAmount(currency);
  const data = rows.map((r) => ({ period: r.period, mrr: Number(r.mrr) }));
  return (
    <div role="img" aria-label={summary} data-testid="mrr-chart">
      <ResponsiveContainer width="100%" height={height}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="period" {...axis} />
          <YAxis {...axis} width={96} tickFormatter={amount} />
          <Tooltip {...tooltip} cursor={{ stroke: 'var(--border)' }} formatter={(value) => amount(value)} />
          <Line dataKey="mrr" name="MRR" type="linear" stroke="var(--accent)" strokeWidth={2} dot={{ r: 3, fill: 'var(--accent)' }} {...still} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
