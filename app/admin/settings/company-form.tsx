'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { toast } from 'sonner';
import { companySettingsInput, type CompanySettings } from '@/server/schemas/company';
import { Button } from '../../_components/ui/button';
import { Card } from '../../_components/ui/card';
import { Field } from '../../_components/ui/field';
import { Form, FormText, FormTextarea, setFieldErrors, useZodForm } from '../../_components/ui/form';
import { showFieldErrors } from '../../_lib/form-errors';
import { useTRPC } from '../../_lib/trpc';

const readAsDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });

/** Settings → Company: who the documents are from (the PDFs' seller block). */
export function CompanyForm({ company }: { company: CompanySettings }) {
  const router = useRouter();
  const trpc = useTRPC();
  const form = useZodForm(companySettingsInput, {
    name: company.name,
    address: company.address,
    tax_id: company.tax_id,
    email: company.email,
    phone: company.phone,
    logo: company.logo ?? null,
  });
  const logo = form.watch('logo');
  const logoError = form.formState.errors.logo?.message;
  const save = useMutation(
    trpc.settings.updateCompany.mutationOptions({
      onSuccess: () => (toast.success('Company details saved'), router.refresh()),
      onError: showFieldErrors(setFieldErrors(form)),
    }),
  );

  const field = (name: keyof CompanySettings, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    // Ids carry the form's name: the settings page has other forms with fields called "name".
    <FormText id={`company-${name}`} name={name} label={label} {...props} />
  );

  return (
    <Card className="p-5">
      <h2 className="font-semibold">Company</h2>
      <p className="mb-4 text-sm text-fg-muted">Printed on every invoice, credit and debit note as the seller.</p>
      <Form form={form} onSubmit={(v) => save.mutate(v)} className="grid gap-4 sm:grid-cols-2" aria-label="Company">
        {field('name', 'Company name')}
        {field('tax_id', 'Tax ID')}
        <div className="sm:col-span-2">
          <FormTextarea id="company-address" name="address" label="Address" rows={3} />
        </div>
        {field('email', 'E-mail', { type: 'email' })}
        {field('phone', 'Phone')}
        <div className="sm:col-span-2">
          <Field label="Logo (PNG or JPEG, up to 500 KB)" name="company-logo" error={logoError}>
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
                  if (file) form.setValue('logo', await readAsDataUrl(file));
                }}
              />
              {logo ? (
                <Button variant="ghost" onClick={() => form.setValue('logo', null)}>
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
      </Form>
    </Card>
  );
}
