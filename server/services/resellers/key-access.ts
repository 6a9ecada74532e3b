import { requirePermission, type Actor } from '@/server/auth/actor';
import { AppError, notFound } from '@/server/errors';

/**
 * Who may list, issue and revoke a reseller's API keys: the desk with settings.manage, or the
 * reseller itself, signed in to its console. Another reseller's keys are not found (a 404 never
 * confirms the reseller exists), and a key cannot make or revoke keys.
 */
export function requireKeyManager(actor: Actor, resellerId: string): void {
  if (actor.role !== 'reseller') return requirePermission(actor, 'settings.manage');
  if (actor.scope.kind !== 'reseller' || actor.scope.resellerId !== resellerId) throw notFound('Reseller');
  if (actor.type !== 'user') throw new AppError('forbidden', 'API keys are managed in the reseller console');
}
