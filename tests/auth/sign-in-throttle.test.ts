import { describe, expect, it } from 'vitest';
import { POST as authRoute } from '@/app/api/auth/[...nextauth]/route';
import { signIn } from '@/server/services/account/sign-in';
import { withTestDatabase } from '../support/database';
import { givenMember, visitorAt } from './support';

const { db } = withTestDatabase();
const now = new Date('2027-01-31T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);
const password = 'correct horse battery';

describe('sign-in throttling', () => {
  it('refuses the 11th and 12th attempt within 15 minutes, even with the right password, and lets it in after the window', async () => {
    const member = await givenMember(db(), 'staff', password);
    const at = (n: number, ip = '198.51.100.1') => visitorAt(db(), ip, minutes(n));
    for (let i = 0; i < 10; i++) {
      await expect(signIn(at(i), { email: member.email, password: `wrong ${i}` })).rejects.toMatchObject({ code: 'unauthorized' });
    }
    await expect(signIn(at(10), { email: member.email, password: 'wrong again' })).rejects.toMatchObject({ code: 'rate_limited' });
    // The account is throttled, not just the address it was attacked from.
    await expect(signIn(at(11, '198.51.100.2'), { email: member.email.toUpperCase(), password })).rejects.toMatchObject({
      code: 'rate_limited',
      message: 'Too many attempts; try again in 4 minutes',
    });
    expect(await signIn(at(15, '198.51.100.2'), { email: member.email, password })).toMatchObject({ id: member.id, role: 'staff' });
  });

  // An unknown e-mail costs a full-price scrypt each time, on purpose.
  it('throttles an unknown e-mail exactly like a known one', { timeout: 120_000 }, async () => {
    const at = (n: number) => visitorAt(db(), '198.51.100.10', minutes(n));
    for (let i = 0; i < 10; i++) {
      await expect(signIn(at(0), { email: 'nobody@example.test', password: 'guess' })).rejects.toMatchObject({
        code: 'unauthorized',
        message: 'That e-mail and password do not match an account.',
      });
    }
    await expect(signIn(at(1), { email: 'nobody@example.test', password: 'guess' })).rejects.toMatchObject({
      code: 'rate_limited',
      message: 'Too many attempts; try again in 14 minutes',
    });
  });

  it('throttles an address spraying many accounts, and forgives successful sign-ins', async () => {
    const member = await givenMember(db(), 'admin', password);
    const sprayer = (n: number) => visitorAt(db(), '198.51.100.20', minutes(n));
    // Signing in correctly many times never adds up.
    for (let i = 0; i < 12; i++) await signIn(sprayer(0), { email: member.email, password });
    for (let i = 0; i < 10; i++) {
      const victim = await givenMember(db(), 'reseller', `victim ${i}`);
      await expect(signIn(sprayer(1), { email: victim.email, password: 'guess' })).rejects.toMatchObject({ code: 'unauthorized' });
    }
    await expect(signIn(sprayer(2), { email: member.email, password })).rejects.toMatchObject({ code: 'rate_limited' });
    expect(await signIn(visitorAt(db(), '198.51.100.21', minutes(2)), { email: member.email, password })).toMatchObject({ id: member.id });
  });

  it('answers a throttled sign-in over HTTP with 429 and Retry-After before checking anything', async () => {
    const member = await givenMember(db(), 'staff', password);
    const started = new Date();
    for (let i = 0; i < 10; i++) {
      await expect(signIn(visitorAt(db(), '198.51.100.30', started), { email: member.email, password: 'wrong' })).rejects.toMatchObject({
        code: 'unauthorized',
      });
    }
    const response = await authRoute(
      new Request('http://localhost/api/auth/callback/credentials', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '198.51.100.31' },
        body: new URLSearchParams({ email: member.email, password, csrfToken: 'x', json: 'true' }),
      }),
      { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) },
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).searchParams.get('error')).toBe('Too many attempts; try again in 15 minutes');
  });
});
