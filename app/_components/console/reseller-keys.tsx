import { api } from '@/server/api/server-caller';
import { consoleFormats } from '../../_lib/money';
import { Card } from '../ui/card';
import { DataTable } from '../ui/data-table';
import { IssueResellerKey, RevokeResellerKey } from './reseller-actions';

/**
 * A reseller's API keys, for the admin on the reseller's page and for the reseller itself on its
 * own: listed by name and prefix, issued with the secret shown once, revoked at once. The
 * services let the reseller act on itself only.
 */
export async function ResellerKeys({ resellerId }: { resellerId: string }) {
  const formats = await consoleFormats();
  const keys = await (await api()).resellers.apiKeys({ id: resellerId });
  return (
    <>
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-lg font-semibold">API keys</h2>
        <IssueResellerKey resellerId={resellerId} />
      </div>
      <Card className="mb-6 overflow-hidden">
        <DataTable
          label="API keys"
          columns={[{ label: 'Name' }, { label: 'Prefix' }, { label: 'Created' }, { label: '' }]}
          empty={keys.length === 0 ? 'No keys yet.' : undefined}
        >
          {keys.map((key) => (
            <tr key={key.id}>
              <td className="px-4 py-2.5">{key.name}</td>
              <td className="px-4 py-2.5 font-mono text-xs">{key.prefix}…</td>
              <td className="px-4 py-2.5 text-fg-muted">{formats.day(key.createdAt)}</td>
              <td className="px-4 py-2.5 text-right">
                {key.revokedAt ? <span className="text-xs text-fg-muted">revoked</span> : <RevokeResellerKey resellerId={resellerId} apiKey={key} />}
              </td>
            </tr>
          ))}
        </DataTable>
      </Card>
    </>
  );
}
