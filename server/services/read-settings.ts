import { eq } from 'drizzle-orm';
import type { Database } from '@/db';
import { settings } from '@/db/schema';
import { type BillingSettings, billingSettings } from '../schemas/settings';

/** The billing settings, with defaults for anything never saved. */
export async function readBillingSettings(db: Database): Promise<BillingSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'billing'));
  return billingSettings.parse(row?.value ?? {});
}
