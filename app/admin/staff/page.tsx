import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { permissions } from '@/server/auth/permissions';
import { permissionLabel } from '@/server/labels';
import { Card, PageHeader } from '../../_components/ui/card';
import { DataTable } from '../../_components/ui/data-table';
import { requireArea } from '../../_lib/guard';
import { DisableUser, StaffActions, StaffPermissions } from './staff-actions';

export const metadata: Metadata = { title: 'Staff' };

const roleLabels = { admin: 'Admin', staff: 'Staff', collector: 'Cash collector' } as const;

const permissionsOf = (member: { role: keyof typeof roleLabels; permissions: string[]; assignedCustomers: number }) => {
  if (member.role === 'admin') return 'everything';
  // Collectors are assigned customers on each customer's page (Cash collector).
  if (member.role === 'collector')
    return `cash collection for ${member.assignedCustomers === 1 ? '1 assigned customer' : `${member.assignedCustomers} assigned customers`}`;
  return member.permissions.map(permissionLabel).join(', ') || 'none';
};

export default async function StaffPage() {
  const me = await requireArea('admin');
  const staff = await (await api()).people.staff();
  return (
    <>
      <PageHeader title="Staff" description="Who works the console, and what each of them may do.">
        <StaffActions all={[...permissions]} />
      </PageHeader>
      <Card className="overflow-hidden">
        <DataTable label="Staff" columns={[{ label: 'Name' }, { label: 'Role' }, { label: 'Permissions' }, { label: '' }]}>
          {staff.map((member) => (
            <tr key={member.id} className="align-top">
              <td className="px-4 py-2.5">
                <div className="font-medium">
                  {member.name}
                  {member.disabled ? <span className="ml-2 rounded bg-danger/10 px-1.5 py-0.5 text-xs font-normal text-danger">disabled</span> : null}
                </div>
                <div className="text-xs text-fg-muted">{member.email}</div>
              </td>
              <td className="px-4 py-2.5">{roleLabels[member.role]}</td>
              <td className="px-4 py-2.5 text-xs text-fg-muted">{permissionsOf(member)}</td>
              <td className="px-4 py-2.5 text-right">
                {member.role === 'staff' ? (
                  <StaffPermissions member={{ id: member.id, name: member.name, permissions: member.permissions }} all={[...permissions]} />
                ) : null}
                {member.id === me.id ? null : <DisableUser member={{ id: member.id, name: member.name, disabled: member.disabled }} />}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
