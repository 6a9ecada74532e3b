import 'server-only';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { api } from '@/server/api/server-caller';
import { recordId } from '../../../_lib/guard';

// Once per request, shared by the page and its metadata.
const byId = cache(async (id: string) =>
  (await api()).portal.invoice({ id }).catch((error: unknown) => {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'NOT_FOUND') notFound();
    throw error;
  }),
);

/** The client's invoice of the URL; another customer's (or a draft, or no invoice) is the 404 page. */
export async function clientInvoice(params: Promise<{ id: string }>) {
  return byId(await recordId(params));
}
