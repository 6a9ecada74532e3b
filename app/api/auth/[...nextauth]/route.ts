import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/next-auth';
import { visitorContext } from '@/server/context';
import { publicOrigin } from '@/server/env';
import { signInRefusal } from '@/server/services/account/sign-in';

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// authOptions() reads the environment, so it is built per request rather than at import
// time, when `next build` evaluates this module without the runtime configuration.
function handler(request: Request, context: RouteContext) {
  return NextAuth(authOptions())(request, context);
}

/**
 * A throttled sign-in is answered here with 429 and `Retry-After`, before next-auth (which
 * answers every failure alike) runs. The body is next-auth's own shape, so its client still
 * reads the message as the sign-in error. `authorize` applies the same throttle, counting, for
 * attempts that race past this look.
 */
async function post(request: Request, context: RouteContext) {
  const { nextauth } = await context.params;
  if (nextauth.join('/') === 'callback/credentials') {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const email = form?.get('email');
    if (typeof email === 'string' && email) {
      const refusal = await signInRefusal(await visitorContext(request.headers), email);
      if (refusal) {
        const url = `${publicOrigin()}/api/auth/error?error=${encodeURIComponent(refusal.message)}`;
        return Response.json({ url }, { status: 429, headers: { 'Retry-After': String(refusal.retryAfterSeconds) } });
      }
    }
  }
  return handler(request, context);
}

export { handler as GET, post as POST };
