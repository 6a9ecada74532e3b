import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { permissions } from '@/server/auth/permissions';
import { Card, PageHeader } from '../../_components/ui/card';
import { requireArea } from '../../_lib/guard';
import { StaffActions, StaffPermissions } from './staff-actions';

export const metadata: Metadata = { title: 'Staff' };

export default async function StaffPage() {
  await requireArea('admin');
  const staff = await (await api()).people.staff();
  return (
    <>
      <PageHeader title="Staff" description="Who works the console, and what each of them may do.">
        <StaffActions all={[...permissions]} />
      </PageHeader>
      <Card className="overflow-hidden">
        <table className="w-full text-sm" aria-label="Staff">
          <thead className="border-b border-border bg-muted text-left text-xs uppercase tracking-wide text-fg-muted">
            <tr>
              <th className="px-4 py-2.5 font-medium">Name</th>
              <th className="px-4 py-2.5 font-medium">Role</th>
              <th className="px-4 py-2.5 font-medium">Permissions</th>
              <th className="px-4 py-2.5" />
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {staff.map((member) => (
              <tr key={member.id} className="align-top">
                <td className="px-4 py-2.5">
                  <div className="font-medium">{member.name}</div>
                  <div className="text-xs text-fg-muted">{member.email}</div>
                </td>
                <td className="px-4 py-2.5 capitalize">{member.role}</td>
                <td className="px-4 py-2.5 text-xs text-fg-muted">{member.role === 'admin' ? 'everything' : member.permissions.join(', ') || 'none'}</td>
                <td className="px-4 py-2.5 text-right">
                  {member.role === 'staff' ? <StaffPermissions member={{ id: member.id, name: member.name, permissions: member.permissions }} all={[...permissions]} /> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
    </>
  );
}
