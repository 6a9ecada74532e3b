import { pingDatabase } from '@/server/db';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await pingDatabase();
    return Response.json({ status: 'ok', db: 'ok' });
  } catch (error) {
    console.error('[cashdesk] health check: database unreachable', error);
    return Response.json({ status: 'degraded', db: 'error' }, { status: 503 });
  }
}
