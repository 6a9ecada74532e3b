import { eq } from 'drizzle-orm';
import { getServerSession, type NextAuthOptions, type Session } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { cache } from 'react';
import { z } from 'zod';
import { users } from '@/db/schema';
import { visitorContext } from '../context';
import { database } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { signIn, TwoFactorRequired } from '../services/account/sign-in';
import type { Role } from './permissions';
import { sameSiteRedirect } from './redirect';

/** What the session cookie carries; permissions are re-read per request, not trusted from it. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

const credentials = z.object({
  email: z.string().trim().toLowerCase().email(),
  password: z.string().min(1).max(200),
  code: z
    .string()
    .trim()
    .max(20)
    .optional()
    .transform((code) => code || undefined),
});

/** The request's headers as next-auth hands them to `authorize` (a plain object). */
const headersOf = (raw: Record<string, unknown> | undefined) => {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return headers;
};

export function authOptions(): NextAuthOptions {
  // A configured public URL is where next-auth's own links and redirects go too, never the
  // request's Host. Only the zero-configuration demo, which has none, trusts the host it is
  // reached at (next-auth would otherwise assume http://localhost:3000 on any port).
  if (process.env.CASHDESK_PUBLIC_URL) process.env.NEXTAUTH_URL ??= process.env.CASHDESK_PUBLIC_URL;
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
  return {
    secret: env().secret,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'E-mail and password',
        credentials: {
          email: { label: 'E-mail', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Authentication code', type: 'text' },
        },
        async authorize(raw, request) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          const ctx = await visitorContext(headersOf(request?.headers));
          try {
            return await signIn(ctx, parsed.data);
          } catch (error) {
            // next-auth hands a thrown message to the form as its `error`; the form knows this one.
            if (error instanceof TwoFactorRequired) throw new Error('TwoFactorRequired');
            if (error instanceof AppError) throw new Error(error.message);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      redirect: sameSiteRedirect,
      jwt({ token, user }) {
        if (user) {
          const u = user as SessionUser;
          token.sub = u.id;
          token.role = u.role;
          token.signedInAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub!, email: token.email!, name: token.name!, role: token.role as Role },
          signedInAt: typeof token.signedInAt === 'number' ? token.signedInAt : 0,
        };
      },
    },
  };
}

/**
 * The signed-in user of this request, or null; read once per request however often asked. The
 * user row is read again, so a disabled account — or a session older than the account's last
 * password change — is signed out at its next request, not when its cookie expires, and a
 * changed name or role shows at once.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions())) as (Session & { signedInAt?: number }) | null;
  const id = (session?.user as SessionUser | undefined)?.id;
  if (!id) return null;
  const db = await database();
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, sessionsValidAfter: users.sessionsValidAfter })
    .from(users)
    .where(eq(users.id, id));
  if (!user || user.disabled) return null;
  // A session from before the password last changed is over (a cookie from before this rule has no sign-in time).
  if (user.sessionsValidAfter && (session?.signedInAt ?? 0) < user.sessionsValidAfter.getTime()) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});
