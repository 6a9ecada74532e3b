import { z } from 'zod';

// data: URLs only: a logo is embedded as stored, so rendering never fetches anything.
const logoDataUrl = z
  .string()
  .max(700_000, 'must be at most ~500 KB')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG or JPEG image');

const fields = {
  name: z.string().trim().max(200, 'must be at most 200 characters'),
  address: z.string().trim().max(1000, 'must be at most 1000 characters'),
  tax_id: z.string().trim().max(50, 'must be at most 50 characters'),
  email: z
    .string()
    .trim()
    .max(200)
    .pipe(z.union([z.literal(''), z.email('must be a valid e-mail address')])),
  phone: z.string().trim().max(50, 'must be at most 50 characters'),
};

/** Settings → Company: the seller block printed on every document and signed under e-mails. */
export const companySettings = z.object({
  name: fields.name.default(''),
  address: fields.address.default(''),
  tax_id: fields.tax_id.default(''),
  email: fields.email.default(''),
  phone: fields.phone.default(''),
  logo: logoDataUrl.optional().catch(undefined),
});
export type CompanySettings = z.infer<typeof companySettings>;

/** What the form sends: a logo that does not validate is an error here, not silently dropped. */
export const companySettingsInput = companySettings.extend({ logo: logoDataUrl.nullable() });

/** PATCH /api/v1/settings/company: any of the fields, the rest kept; `logo: null` removes the logo. */
export const companySettingsPatch = z.strictObject({
  name: fields.name.optional(),
  address: fields.address.optional(),
  tax_id: fields.tax_id.optional(),
  email: fields.email.optional(),
  phone: fields.phone.optional(),
  logo: logoDataUrl.nullable().optional(),
});
