import { eq, sql } from 'drizzle-orm';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getServerSession } from 'next-auth';
import { cache } from 'react';
import { z } from 'zod';
import { users } from '@/db/schema';
import { database } from '../db';
import { env } from '../env';
import { verifyPassword } from './password';
import type { Role } from './permissions';
import { sameSiteRedirect } from './redirect';

/** What the session cookie carries; permissions are re-read per request, not trusted from it. */
export type SessionUser = { id: string; email: string; name: string; role: Role };

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(200) });

export async function findUserByCredentials(email: string, password: string): Promise<SessionUser | null> {
  const db = await database();
  const [user] = await db
    .select()
    .from(users)
    .where(eq(sql`lower(${users.email})`, email));
  if (!user || user.disabled) return null;
  if (!(await verifyPassword(password, user.passwordHash))) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
}

export function authOptions(): NextAuthOptions {
  // Without NEXTAUTH_URL, next-auth would assume http://localhost:3000 for every link it
  // builds; trusting the request's host makes a zero-configuration install work on any port.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ??= 'true';
  return {
    secret: env().secret,
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    pages: { signIn: '/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'E-mail and password',
        credentials: { email: { label: 'E-mail', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(raw) {
          const parsed = credentials.safeParse(raw);
          if (!parsed.success) return null;
          return findUserByCredentials(parsed.data.email, parsed.data.password);
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
        }
        return token;
      },
      session({ session, token }) {
        return {
          ...session,
          user: { id: token.sub!, email: token.email!, name: token.name!, role: token.role as Role },
        };
      },
    },
  };
}

/** The signed-in user of this request, or null; read once per request however often asked. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  return (session?.user as SessionUser | undefined) ?? null;
});
