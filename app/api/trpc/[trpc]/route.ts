import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { createSessionContext } from '@/server/api/context';
import { appRouter } from '@/server/api/root';
import { isSameOrigin } from '@/server/http/request';

function handler(request: Request) {
  // next-auth guards only its own routes; console mutations are cookie-authenticated POSTs.
  if (request.method !== 'GET' && !isSameOrigin(request.headers)) {
    return Response.json({ error: { code: 'forbidden', message: 'Cross-site request refused' } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => createSessionContext(request.headers),
  });
}

export { handler as GET, handler as POST };
