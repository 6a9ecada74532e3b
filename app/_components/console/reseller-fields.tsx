'use client';

import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import { resellerFlags, type ResellerFlag } from '@/server/auth/permissions';
import { FormCheckbox, FormSelect, FormText } from '../ui/form';

export type ParentOption = { id: string; name: string };

/**
 * What a reseller form may offer. The desk: any parent or none, every flag. A reseller making or
 * changing its sub-resellers: itself or one of them as parent, only the flags it holds, and a
 * commission up to its own (the services refuse anything beyond; this only says so up front).
 */
export type ResellerChoices = {
  parents: ParentOption[];
  /** "None (top level)" among the parents: the desk's only. */
  topLevel: boolean;
  flags: readonly ResellerFlag[];
  /** The highest commission allowed, as a percent ("10"), shown as a hint. */
  maxCommission?: string | undefined;
};

/** The desk's choices: the parents given, top level, every flag. */
export const deskChoices = (parents: ParentOption[]): ResellerChoices => ({ parents, topLevel: true, flags: resellerFlags });

/** What the admin or reseller types; the server's schema checks it on the way (see the dialogs). */
export const resellerFields = z.object({
  commission_percent: z.string(),
  parent_id: z.string(),
  permissions: z.array(z.enum(resellerFlags)),
  see_parent_customers: z.boolean(),
  may_create_sub_resellers: z.boolean(),
  currency: z.string(),
});

/** The profile and permission fields shared by the new-reseller and edit dialogs of both consoles. */
export function ResellerFields({ choices }: { choices: ResellerChoices }) {
  const { register } = useFormContext();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormText
          name="commission_percent"
          label="Commission %"
          inputMode="decimal"
          placeholder="10"
          hint={choices.maxCommission === undefined ? undefined : `at most ${choices.maxCommission} %`}
        />
        <FormSelect name="parent_id" label="Parent reseller">
          {choices.topLevel ? <option value="">None (top level)</option> : null}
          {choices.parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FormSelect>
        <FormText name="currency" label="Currency (optional)" placeholder="Settings" maxLength={3} />
      </div>
      <fieldset className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        {choices.flags.map((flag) => (
          <label key={flag} className="flex items-center gap-2">
            <input type="checkbox" value={flag} {...register('permissions')} /> {flag}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-x-6 gap-y-1">
        <FormCheckbox name="see_parent_customers">Sees its parent’s own customers</FormCheckbox>
        <FormCheckbox name="may_create_sub_resellers">May create sub-resellers</FormCheckbox>
      </div>
    </>
  );
}
