import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { GET as publicJson } from '@/app/api/v1/public/invoices/[id]/route';
import { throttles } from '@/db/schema';
import { anonymousActor } from '@/server/auth/actor';
import { hitThrottle } from '@/server/http/rate-limit';
import { signUp, signUpThrottle } from '@/server/services/account/sign-up';
import { openPublicInvoice } from '@/server/services/invoices/public-link';
import { withTestDatabase } from '../support/database';
import { ctxOf, givenInvoice } from '../support/fixtures';
import { params } from '../support/rest';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
const rule = { limit: 3, windowMs: 60_000 };

describe('throttles kept in the database', () => {
  it('count racing strikes exactly, and start over when the window has passed', async () => {
    const states = await Promise.all(Array.from({ length: 6 }, () => hitThrottle(db(), 'race', rule, now)));
    expect(states.map((s) => s.count).sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(states.filter((s) => s.limited)).toHaveLength(3);
    const later = await hitThrottle(db(), 'race', rule, new Date(now.getTime() + 60_000));
    expect(later).toMatchObject({ count: 1, limited: false });
  });

  it('count public-link guesses in PostgreSQL, so every instance sees them', async () => {
    const invoice = await givenInvoice(db());
    const ip = '192.0.2.77';
    for (let i = 0; i < 30; i++) {
      await expect(openPublicInvoice(ctxOf(db(), anonymousActor(ip), now), { id: invoice.id, token: `guess-${i}` })).rejects.toMatchObject({
        code: 'not_found',
      });
    }
    const [row] = await db()
      .select()
      .from(throttles)
      .where(eq(throttles.bucket, `public-link:ip:${ip}`));
    expect(row).toMatchObject({ count: 30, windowStart: now });
    await expect(openPublicInvoice(ctxOf(db(), anonymousActor(ip), new Date(now.getTime() + 60_000)), { id: invoice.id, token: 'x' })).rejects.toMatchObject({
      code: 'rate_limited',
      message: 'Too many attempts; try again in 9 minutes',
    });
  });

  it('put Retry-After on the REST answer', async () => {
    const invoice = await givenInvoice(db());
    // The REST route counts per address as clientIp sees it; fill whatever bucket that is.
    const request = () => new Request(`http://localhost/api/v1/public/invoices/${invoice.id}?token=nope`);
    let response = await publicJson(request(), params({ id: invoice.id }));
    for (let i = 0; i < 30 && response.status === 404; i++) response = await publicJson(request(), params({ id: invoice.id }));
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(500);
  });
});

describe('sign-up throttle', () => {
  it('refuses the 11th account from one address within ten minutes, before hashing anything', async () => {
    const ip = '192.0.2.90';
    for (let i = 0; i < 10; i++) await hitThrottle(db(), `sign-up:ip:${ip}`, signUpThrottle, now);
    await expect(
      signUp(ctxOf(db(), anonymousActor(ip), new Date(now.getTime() + 5 * 60_000)), {
        name: 'Spray',
        email: 'spray@example.test',
        billingAddress: { line1: '1 Main St', city: 'Springfield', country: 'US' },
        password: 'long enough password',
      }),
    ).rejects.toMatchObject({ code: 'rate_limited', message: 'Too many attempts; try again in 5 minutes' });
  });
});
