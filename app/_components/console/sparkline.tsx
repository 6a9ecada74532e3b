'use client';

import { Line, LineChart, ResponsiveContainer, YAxis } from 'recharts';

/**
 * A KPI tile's twelve months as a bare line in the theme's accent (a CSS variable, so it follows
 * light and dark mode). Values arrive as strings (minor units or tenths: a bigint does not cross
 * to the client) and become numbers only for the geometry; a month without a figure is a gap.
 * `summary` says in words what the line shows, for those who cannot see it.
 */
export function Sparkline({ points, summary, testId }: { points: Array<string | null>; summary: string; testId: string }) {
  const data = points.map((value, index) => ({ index, value: value === null ? null : Number(value) }));
  return (
    <div role="img" aria-label={summary} data-testid={testId} className="mt-3 h-10">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 4, right: 2, bottom: 4, left: 2 }}>
          <YAxis hide domain={['dataMin', 'dataMax']} />
          <Line dataKey="value" type="monotone" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
