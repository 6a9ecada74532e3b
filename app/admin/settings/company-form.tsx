'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { type FieldErrors, fieldErrors } from '@/server/errors';
import { type CompanySettings, companySettingsInput } from '@/server/schemas/company';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field, inputClass, TextField } from '../../_components/ui/field';
import { useTRPC } from '../../_lib/trpc';
import { showFieldErrors } from '../../_lib/form-errors';

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });

/** Settings → Company: who the documents are from (the PDFs' seller block). */
export function CompanyForm({ company }: { company: CompanySettings }) {
  const [logo, setLogo] = useState<string | null>(company.logo ?? null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(
    trpc.settings.updateCompany.mutationOptions({
      onSuccess: () => (toast.success('Company details saved'), setErrors({}), router.refresh()),
      onError: showFieldErrors(setErrors),
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const candidate = Object.fromEntries(['name', 'address', 'tax_id', 'email', 'phone'].map((k) => [k, String(form.get(k) ?? '')]));
    const parsed = companySettingsInput.safeParse({ ...candidate, logo });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues));
    setErrors({});
    save.mutate(parsed.data);
  }

  const field = (name: keyof CompanySettings, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    // Ids carry the form's name: the settings page has other forms with fields called "name".
    <TextField id={`company-${name}`} name={name} label={label} error={errors[name]} defaultValue={String(company[name] ?? '')} {...props} />
  );

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Company</h2>
      <p className="mb-4 text-sm text-fg-muted">Printed on every invoice, credit and debit note as the seller.</p>
      <form onSubmit={submit} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Company">
        {field('name', 'Company name')}
        {field('tax_id', 'Tax ID')}
        <div className="sm:col-span-2">
          <Field label="Address" name="company-address" error={errors.address}>
            <textarea id="company-address" name="address" rows={3} defaultValue={company.address} className={`${inputClass} h-auto py-2`} />
          </Field>
        </div>
        {field('email', 'E-mail', { type: 'email' })}
        {field('phone', 'Phone')}
        <div className="sm:col-span-2">
          <Field label="Logo (PNG or JPEG, up to 500 KB)" name="company-logo" error={errors.logo}>
            <div className="flex items-center gap-3">
              {/* A data: URL preview of the stored logo: next/image has nothing to optimise here. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              {logo ? <img src={logo} alt="Current logo" className="h-10 max-w-40 rounded border border-border bg-white object-contain p-1" /> : null}
              <input
                id="company-logo"
                type="file"
                accept="image/png,image/jpeg"
                className="text-sm"
                onChange={async (e) => {
                  const file = e.target.files?.[0];
                  if (file) setLogo(await readAsDataUrl(file));
                }}
              />
              {logo ? (
                <Button variant="ghost" onClick={() => setLogo(null)}>
                  Remove logo
                </Button>
              ) : null}
            </div>
          </Field>
        </div>
        <div className="flex justify-end sm:col-span-2">
          <Button type="submit" disabled={save.isPending}>
            Save company details
          </Button>
        </div>
      </form>
    </Card>
  );
}
