import { and, eq, sql } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { ServiceContext } from '@/server/services/context';
import { twoFactorStatus } from './two-factor';

export type ConsoleGate = {
  /** Settings → Security requires two-factor sign-in and this person has not set it up. */
  enrolTwoFactor: boolean;
  /** Some account that may sign in still has the demo seed's well-known password. */
  demoPasswords: boolean;
};

/** What the console checks before showing anything to an admin or staff member. */
export async function consoleGate(ctx: ServiceContext): Promise<ConsoleGate> {
  const [status, [demo]] = await Promise.all([
    twoFactorStatus(ctx),
    ctx.db
      .select({ any: sql<boolean>`true` })
      .from(users)
      .where(and(eq(users.demoPassword, true), eq(users.disabled, false)))
      .limit(1),
  ]);
  return { enrolTwoFactor: status.required && !status.enabled, demoPasswords: demo !== undefined };
}
