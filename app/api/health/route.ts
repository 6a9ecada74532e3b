import { sql } from 'drizzle-orm';
import { database } from '@/server/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    const db = await database();
    await db.execute(sql`select 1`);
    return Response.json({ status: 'ok', db: 'ok' });
  } catch (error) {
    console.error('[cashdesk] health check: database unreachable', error);
    return Response.json({ status: 'degraded', db: 'error' }, { status: 503 });
  }
}
