import type { Metadata } from 'next';
import Link from 'next/link';
import { isLocale, localeNames, locales } from '@/i18n/locales';
import { api } from '@/server/api/server-caller';
import { PageHeader } from '../../_components/ui/card';
import { cn } from '../../_components/ui/cn';
import { TemplateEditor } from './template-editor';

export const metadata: Metadata = { title: 'Email templates' };

export default async function EmailTemplatesPage({ searchParams }: { searchParams: Promise<{ locale?: string | string[] }> }) {
  const { locale } = await searchParams;
  const templates = await (await api()).notify.templates({ locale: isLocale(locale) ? locale : undefined });
  const shown = templates[0]!.locale;
  return (
    <>
      <PageHeader
        title="Email templates"
        description="The subject and opening words of each e-mail, in each language customers read; a customer gets their language’s text, and the amounts, dates and links are filled in for each invoice."
      />
      <nav aria-label="Language" className="mb-4 flex flex-wrap gap-1 border-b border-border">
        {locales.map((l) => (
          <Link
            key={l}
            href={`?locale=${l}`}
            aria-current={l === shown ? 'page' : undefined}
            className={cn('-mb-px border-b-2 border-transparent px-3 py-2 text-sm hover:text-accent', l === shown && 'border-accent font-medium text-accent')}
          >
            {localeNames[l]}
          </Link>
        ))}
      </nav>
      {/* Keyed by locale: another language starts the form from that language's texts. */}
      <TemplateEditor key={shown} templates={templates} />
    </>
  );
}
