import 'server-only';
import { headers } from 'next/headers';
import { cache } from 'react';
import { createSessionContext } from './context';
import { createCaller } from './root';

/** tRPC for server components: the same procedures and checks, without an HTTP round trip. */
export const api = cache(async () => createCaller(await createSessionContext(await headers())));
