import { serve } from 'inngest/next';
import { inngest } from '@/inngest/client';
import { functions } from '@/inngest/functions';
import { env } from '@/server/env';

export const dynamic = 'force-dynamic';

type Handler = (request: Request, context: unknown) => Promise<Response>;

// Without Inngest keys or INNGEST_DEV the SDK answers 500, so this endpoint says plainly that
// the embedded runner is in charge instead.
let served: { GET: Handler; POST: Handler; PUT: Handler } | undefined;

function handlers(): { GET: Handler; POST: Handler; PUT: Handler } {
  if (env().inngestMode === 'inngest') return (served ??= serve({ client: inngest, functions }) as never);
  const embedded: Handler = async () =>
    Response.json(
      { error: { code: 'inngest_not_configured', message: 'Inngest is not configured; the embedded runner executes workflows in-process' } },
      { status: 503 },
    );
  return { GET: embedded, POST: embedded, PUT: embedded };
}

export const GET: Handler = (request, context) => handlers().GET(request, context);
export const POST: Handler = (request, context) => handlers().POST(request, context);
export const PUT: Handler = (request, context) => handlers().PUT(request, context);
