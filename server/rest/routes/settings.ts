import { z } from 'zod';
import { billingSettings, billingSettingsPatch } from '../../schemas/settings';
import { getBillingSettings, updateBillingSettings } from '../../services/settings/billing';
import { defineRoute } from '../handler';

const output = billingSettings.extend({ tax_rate: z.string() });

export const getBillingSettingsRoute = defineRoute(
  { method: 'GET', path: '/settings/billing', summary: 'The billing settings', tag: 'Settings', permission: 'settings.manage', response: output },
  ({ ctx }) => getBillingSettings(ctx),
);

export const patchBillingSettingsRoute = defineRoute(
  {
    method: 'PATCH',
    path: '/settings/billing',
    summary: 'Change any part of the billing settings',
    tag: 'Settings',
    permission: 'settings.manage',
    body: billingSettingsPatch,
    response: output,
  },
  ({ ctx, body }) => updateBillingSettings(ctx, body),
);
