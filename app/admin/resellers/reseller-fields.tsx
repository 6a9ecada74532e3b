'use client';

import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import { resellerFlags } from '@/server/auth/permissions';
import { FormCheckbox, FormSelect, FormText } from '../../_components/ui/form';

export type ParentOption = { id: string; name: string };

/** What the admin types; the server's schema checks it on the way (see the dialogs). */
export const resellerFields = z.object({
  commission_percent: z.string(),
  parent_id: z.string(),
  permissions: z.array(z.enum(resellerFlags)),
  see_parent_customers: z.boolean(),
  may_create_sub_resellers: z.boolean(),
  currency: z.string(),
});

/** The profile and permission fields shared by the new-reseller and edit dialogs. */
export function ResellerFields({ parents }: { parents: ParentOption[] }) {
  const { register } = useFormContext();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormText name="commission_percent" label="Commission %" inputMode="decimal" placeholder="10" />
        <FormSelect name="parent_id" label="Parent reseller">
          <option value="">None (top level)</option>
          {parents.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </FormSelect>
        <FormText name="currency" label="Currency (optional)" placeholder="Settings" maxLength={3} />
      </div>
      <fieldset className="grid grid-cols-2 gap-1 text-sm sm:grid-cols-3">
        <legend className="mb-1 text-sm font-medium">Permissions</legend>
        {resellerFlags.map((flag) => (
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
