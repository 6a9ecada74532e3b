import { z } from 'zod';

// data: URLs only: a logo is embedded as stored, so rendering never fetches anything.
const logoDataUrl = z
  .string()
  .max(700_000, 'must be at most ~500 KB')
  .regex(/^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+=*$/, 'must be a PNG or JPEG image');

/** Settings → Company: the seller block printed on every document and signed under e-mails. */
export const companySettings = z.object({
  name: z.string().trim().max(200, 'must be at most 200 characters').default(''),
  address: z.string().trim().max(1000, 'must be at most 1000 characters').default(''),
  tax_id: z.string().trim().max(50, 'must be at most 50 characters').default(''),
  email: z
    .string()
    .trim()
    .max(200)
    .pipe(z.union([z.literal(''), z.email('must be a valid e-mail address')]))
    .default(''),
  phone: z.string().trim().max(50, 'must be at most 50 characters').default(''),
  logo: logoDataUrl.optional().catch(undefined),
});
export type CompanySettings = z.infer<typeof companySettings>;

/** What the form sends: a logo that does not validate is an error here, not silently dropped. */
export const companySettingsInput = companySettings.extend({ logo: logoDataUrl.nullable() });
