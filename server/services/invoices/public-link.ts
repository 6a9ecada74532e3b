import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/server/env';

// Derived, not stored: HMAC(secret, id:version). A database dump alone opens no invoice, and
// bumping the version kills every link issued before.
export function publicToken(invoiceId: string, version: number, secret = env().secret): string {
  return createHmac('sha256', secret).update(`invoice:${invoiceId}:${version}`).digest('base64url');
}

export function tokenMatches(invoiceId: string, version: number, presented: string, secret = env().secret): boolean {
  const expected = Buffer.from(publicToken(invoiceId, version, secret));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function publicInvoicePath(invoiceId: string, version: number): string {
  return `/p/invoice/${invoiceId}?token=${publicToken(invoiceId, version)}`;
}
