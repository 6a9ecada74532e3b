import { z } from 'zod';
import { camelized, id, listInput } from '../../schemas/common';
import { createResellerInput, issueResellerKeyInput, listResellersInput, resellerIdInput, updateResellerInput } from '../../schemas/resellers';
import { createReseller } from '../../services/resellers/create';
import { getReseller } from '../../services/resellers/get';
import { issueResellerApiKey } from '../../services/resellers/issue-api-key';
import { listResellers } from '../../services/resellers/list';
import { listResellerApiKeys } from '../../services/resellers/list-api-keys';
import { listResellerCustomers } from '../../services/resellers/list-customers';
import { listResellerOptions } from '../../services/resellers/options';
import { ownResellerProfile } from '../../services/resellers/own-profile';
import { revokeResellerApiKey } from '../../services/resellers/revoke-api-key';
import { updateReseller } from '../../services/resellers/update';
import { authedProcedure, consoleProcedure, router } from '../trpc';

// Managing resellers is settings-level, as on REST (where a reseller key gets 403): it grants
// access to customers' money. From its console a reseller manages only its sub-resellers; the
// services decide who reaches which (resellers/reach.ts), so the procedures take any session.

export const resellersRouter = router({
  list: authedProcedure.input(camelized(listResellersInput)).query(({ ctx, input }) => listResellers(ctx.service, input)),
  // Names for the desk's pickers (assign a customer, filter invoices or the ledger); the service decides who reads a list showing resellers.
  options: consoleProcedure.query(({ ctx }) => listResellerOptions(ctx.service)),
  // The signed-in reseller's own profile (get does not reach itself): what its console may hand down.
  me: authedProcedure.query(({ ctx }) => ownResellerProfile(ctx.service)),
  get: authedProcedure.input(resellerIdInput).query(({ ctx, input }) => getReseller(ctx.service, input)),
  customers: authedProcedure.input(resellerIdInput.extend(listInput.shape)).query(({ ctx, input }) => listResellerCustomers(ctx.service, input)),
  // A reseller's keys: the desk with settings.manage, or the reseller itself from its console
  // (the services decide; another reseller's are not found).
  apiKeys: authedProcedure.input(resellerIdInput).query(({ ctx, input }) => listResellerApiKeys(ctx.service, input)),
  create: authedProcedure.input(camelized(createResellerInput)).mutation(({ ctx, input }) => createReseller(ctx.service, { ...input, origin: ctx.origin })),
  update: authedProcedure.input(camelized(updateResellerInput.extend(resellerIdInput.shape))).mutation(({ ctx, input }) => updateReseller(ctx.service, input)),
  issueApiKey: authedProcedure.input(issueResellerKeyInput.extend(resellerIdInput.shape)).mutation(({ ctx, input }) => issueResellerApiKey(ctx.service, input)),
  revokeApiKey: authedProcedure
    .input(z.object({ id, key_id: id }))
    .mutation(({ ctx, input }) => revokeResellerApiKey(ctx.service, { id: input.id, keyId: input.key_id })),
});
