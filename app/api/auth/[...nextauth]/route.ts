import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/next-auth';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// authOptions() reads the environment, so it is built per request rather than at import
// time, when `next build` evaluates this module without the runtime configuration.
function handler(request: Request, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
