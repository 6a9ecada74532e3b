import { api } from '@/server/api/server-caller';
import { resellerFlags } from '@/server/auth/permissions';
import { percentOfMilli } from '@/server/schemas/resellers';
import type { ConsoleBase } from './base-path';
import type { ParentOption, ResellerChoices } from './reseller-fields';

/** Where a console keeps its resellers: the desk's Resellers, a reseller's Sub-resellers. */
export const resellersPath = (basePath: ConsoleBase) => (basePath === '/admin' ? '/admin/resellers' : '/reseller/sub-resellers');

// The pickers list every reseller in reach at once; a tree beyond this would want a search box.
const most = 200;

/**
 * What a console's reseller forms offer, and the names its pages show for parents. The desk: every
 * reseller, top level, every flag. A reseller: itself and the sub-resellers below it (the
 * services' reach), only its own flags, at most its own commission — and whether the admin let it
 * create sub-resellers at all (`self`).
 */
export async function resellerChoices(basePath: ConsoleBase) {
  const trpc = await api();
  if (basePath === '/admin') {
    const all = await trpc.resellers.list({ limit: most });
    const parents: ParentOption[] = all.items.map((r) => ({ id: r.id, name: r.name }));
    const choices: ResellerChoices = { parents, topLevel: true, flags: resellerFlags };
    return { choices, names: new Map(parents.map((p) => [p.id, p.name])), self: null };
  }
  const [self, subs] = await Promise.all([trpc.resellers.me(), trpc.resellers.list({ limit: most })]);
  const parents: ParentOption[] = [{ id: self.id, name: `${self.name} (you)` }, ...subs.items.map((r) => ({ id: r.id, name: r.name }))];
  const choices: ResellerChoices = { parents, topLevel: false, flags: self.permissions, maxCommission: percentOfMilli(self.commissionMilli) };
  return { choices, names: new Map(parents.map((p) => [p.id, p.name])), self };
}
