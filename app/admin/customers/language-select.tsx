'use client';

import { localeNames, locales } from '@/i18n/locales';
import { useFormats } from '../../_components/money';
import { FormSelect } from '../../_components/ui/form';

/**
 * The customer's language in the customer forms: "" follows the settings' default_locale, named
 * here as the console's own formats have it (the console layouts format in that locale).
 */
export function LanguageSelect() {
  const { locale: fallback } = useFormats();
  return (
    <FormSelect name="locale" label="Language" hint="Of the customer’s invoices, e-mails and portal.">
      <option value="">Default ({localeNames[fallback]})</option>
      {locales.map((locale) => (
        <option key={locale} value={locale}>
          {localeNames[locale]}
        </option>
      ))}
    </FormSelect>
  );
}
