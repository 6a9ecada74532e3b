import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Database } from '@/db';
import { settings } from '@/db/schema';
import { billingSettings, type BillingSettings } from '@/server/schemas/settings';

/** The billing settings, with defaults for anything never saved. */
export async function readBillingSettings(db: Database): Promise<BillingSettings> {
  return readSettingsBlock(db, 'billing', billingSettings);
}

/** Any settings block by its key, parsed by its schema (defaults for what was never saved). */
export async function readSettingsBlock<S extends z.ZodType>(db: Database, key: string, schema: S): Promise<z.output<S>> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return schema.parse(row?.value ?? {});
}
