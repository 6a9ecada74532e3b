import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { PageHeader } from '../../_components/ui/card';
import { TemplateEditor } from './template-editor';

export const metadata: Metadata = { title: 'Email templates' };

export default async function EmailTemplatesPage() {
  const templates = await (await api()).notify.templates();
  return (
    <>
      <PageHeader
        title="Email templates"
        description="The subject and opening words of each e-mail customers get; the amounts, dates and links are filled in for each invoice."
      />
      <TemplateEditor templates={templates} />
    </>
  );
}
