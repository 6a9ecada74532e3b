import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { inngestFunctions } from '@/inngest/functions';
import { database } from '@/server/db';
import { env } from '@/server/env';
import { readCronTimeZone } from '@/server/services/automation/settings';

export const dynamic = 'force-dynamic';

type Handler = (request: Request, context: unknown) => Promise<Response>;

// Without Inngest keys or INNGEST_DEV the SDK answers 500, so this endpoint says plainly that
// the embedded runner is in charge instead. The crons are registered in the time zone of
// Settings → Automation as it is when Inngest syncs the app: a changed zone needs a resync.
const served = new Map<string, { GET: Handler; POST: Handler; PUT: Handler }>();

async function handlers(): Promise<{ GET: Handler; POST: Handler; PUT: Handler }> {
  if (env().inngestMode === 'inngest') {
    const timeZone = await readCronTimeZone(await database());
    let handler = served.get(timeZone);
    if (!handler) served.set(timeZone, (handler = serve({ client: inngest, functions: inngestFunctions(timeZone) }) as never));
    return handler;
  }
  const embedded: Handler = async () =>
    Response.json(
      { error: { code: 'inngest_not_configured', message: 'Inngest is not configured; the embedded runner executes workflows in-process' } },
      { status: 503 },
    );
  return { GET: embedded, POST: embedded, PUT: embedded };
}

export const GET: Handler = async (request, context) => (await handlers()).GET(request, context);
export const POST: Handler = async (request, context) => (await handlers()).POST(request, context);
export const PUT: Handler = async (request, context) => (await handlers()).PUT(request, context);
