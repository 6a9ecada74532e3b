import type { Database } from '@/db';
import { requirePermission } from '@/server/auth/actor';
import { configuredNotifier } from '@/server/notify/notifier';
import {
  communicationRules,
  type CommunicationRule,
  type CommunicationRules,
  type CommunicationRulesInput,
  type CommunicationRulesView,
} from '@/server/schemas/communication';
import type { Channel } from '@/server/schemas/invoices';
import type { ServiceContext } from '@/server/services/context';
import { writeSettingsBlock } from './billing';
import { readSettingsBlock } from './read';

/** Settings → Communication rules, each event defaulting to what was sent before rules existed. */
export async function readCommunicationRules(db: Database): Promise<CommunicationRules> {
  return readSettingsBlock(db, 'communication_rules', communicationRules);
}

/** The channels a rule names, e-mail first: the order sends go out and steps are named in. */
export const ruleChannels = (rule: CommunicationRule): Channel[] => (['email', 'sms', 'whatsapp'] as const).filter((channel) => rule.channels[channel]);

async function viewOf(ctx: ServiceContext, rules: CommunicationRules): Promise<CommunicationRulesView> {
  const channels = await configuredNotifier(ctx.db);
  return { rules, configured: { email: true, sms: channels.sms !== null, whatsapp: channels.whatsapp !== null } };
}

export async function getCommunicationRules(ctx: ServiceContext): Promise<CommunicationRulesView> {
  requirePermission(ctx.actor, 'settings.manage');
  return viewOf(ctx, await readCommunicationRules(ctx.db));
}

/**
 * Replaces every event's rule (the input's schema has refused unknown placeholders). A channel
 * ticked before it is configured is kept: it starts sending once set up, and is skipped (and the
 * skip logged on the invoice) until then.
 */
export async function updateCommunicationRules(ctx: ServiceContext, input: CommunicationRulesInput): Promise<CommunicationRulesView> {
  requirePermission(ctx.actor, 'settings.manage');
  const before = await readCommunicationRules(ctx.db);
  return viewOf(ctx, await writeSettingsBlock(ctx, 'communication_rules', before, input));
}
