'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useDeferredValue, useState } from 'react';
import { toast } from 'sonner';
import type { FieldErrors } from '@/server/errors';
import type { TemplateView } from '@/server/services/settings/communication';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { cn } from '../../_components/ui/cn';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

/** Pick a template, edit its subject and intro in the page's language, and see the e-mail change as you type. */
export function TemplateEditor({ templates }: { templates: TemplateView[] }) {
  const [key, setKey] = useState(templates[0]!.key);
  const locale = templates[0]!.locale;
  const current = templates.find((t) => t.key === key)!;
  const [draft, setDraft] = useState({ subject: current.subject, intro: current.intro });
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const shown = useDeferredValue(draft);
  const preview = useQuery({
    ...trpc.notify.preview.queryOptions({ template: key, locale, subject: shown.subject.trim() || '(no subject)', intro: shown.intro.trim() || '(no intro)' }),
    placeholderData: (previous) => previous,
  });
  const save = useMutation(
    trpc.notify.saveTemplate.mutationOptions({
      onSuccess: () => (toast.success(`${current.label} saved`), setErrors({}), router.refresh()),
      onError: showFieldErrors(setErrors),
    }),
  );
  const pick = (next: TemplateView) => {
    setKey(next.key);
    setDraft({ subject: next.subject, intro: next.intro });
    setErrors({});
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
      <nav aria-label="Templates">
        <ul className="space-y-1">
          {templates.map((t) => (
            <li key={t.key}>
              <button
                type="button"
                aria-current={t.key === key ? 'true' : undefined}
                onClick={() => pick(t)}
                className={cn('w-full rounded-md px-3 py-2 text-left text-sm hover:bg-muted', t.key === key && 'bg-accent/10 font-medium text-accent')}
              >
                {t.label}
                {t.edited ? <span className="ml-1 text-xs text-fg-muted">· edited</span> : null}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-4">
        <Card className="space-y-4 p-5">
          <form
            className="space-y-4"
            aria-label="Template"
            onSubmit={(e) => {
              e.preventDefault();
              save.mutate({ template: key, locale, ...draft });
            }}
          >
            <Field label="Subject" name="subject" error={errors.subject} hint="{document}, {number}, {company} and {customer} are filled in.">
              <Input
                id="subject"
                value={draft.subject}
                onChange={(e) => setDraft((d) => ({ ...d, subject: e.target.value }))}
                aria-invalid={errors.subject ? true : undefined}
              />
            </Field>
            <Field label="Intro" name="intro" error={errors.intro}>
              <textarea
                id="intro"
                rows={3}
                value={draft.intro}
                onChange={(e) => setDraft((d) => ({ ...d, intro: e.target.value }))}
                className={`${inputClass} h-auto py-2`}
              />
            </Field>
            <div className="flex items-center justify-between">
              <span className="text-xs text-fg-muted">{current.attachPdf ? 'The PDF is attached.' : 'No attachment.'}</span>
              <Button type="submit" disabled={save.isPending}>
                Save template
              </Button>
            </div>
          </form>
        </Card>
        <Card className="overflow-hidden">
          <div className="border-b border-border bg-muted px-4 py-2 text-sm" data-testid="preview-subject">
            <span className="text-fg-muted">Subject: </span>
            {preview.data?.subject ?? '…'}
          </div>
          <iframe title="Preview" sandbox="" srcDoc={preview.data?.html ?? ''} className="h-[60vh] w-full bg-white" />
        </Card>
      </div>
    </div>
  );
}
