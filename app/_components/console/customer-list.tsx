import { api } from '@/server/api/server-caller';
import { listCustomersInput } from '@/server/schemas/customers';
import { resellerLabel, type SearchParams } from '../../_lib/format';
import { listParams, readParams } from '../../_lib/list-params';
import { CreateCustomer } from '../../admin/customers/create-customer';
import { PageHeader } from '../ui/card';
import type { ConsoleBase } from './base-path';
import { CustomerTable } from './customer-table';
import { SavedViews } from './saved-views';
import { SearchBox } from './search-box';

const pageSize = 20;

/**
 * The customer list of a console, with search (the signed-in person's saved searches as views above
 * it), paging and New customer for those who may create one. The service scopes the list (a
 * reseller sees its book) and files a reseller's new customer under it; the page adds no filter of
 * its own.
 */
export async function CustomerList({
  basePath,
  searchParams,
  title,
  description,
}: {
  basePath: ConsoleBase;
  searchParams: SearchParams;
  title: string;
  description: string;
}) {
  const { q, cursor, sort: sortParam } = readParams(listParams.customers, searchParams);
  // A sort the list does not have is left out rather than refused: the heading links make every valid one.
  const sort = listCustomersInput.shape.sort.safeParse(sortParam).data;
  const trpc = await api();
  // The desk sees each customer's reseller; a reseller's console names no other reseller.
  const [page, me, resellers, views] = await Promise.all([
    trpc.customers.list({ q, cursor, sort, limit: pageSize }),
    trpc.me(),
    basePath === '/admin' ? trpc.resellers.options() : null,
    trpc.savedViews.list({ list: 'customers' }),
  ]);
  const resellerNames = resellers ? new Map(resellers.map((r) => [r.id, resellerLabel(r)])) : undefined;
  return (
    <>
      <PageHeader title={title} description={description}>
        {me.permissions.includes('customers.create') ? <CreateCustomer /> : null}
      </PageHeader>
      <SavedViews list="customers" path={`${basePath}/customers`} views={views} current={{ ...(q ? { q } : {}), ...(sort ? { sort } : {}) }} />
      <div className="mb-4">
        <SearchBox placeholder="Search by name or e-mail" />
      </div>
      <CustomerTable customers={page.items} nextCursor={page.nextCursor} basePath={basePath} q={q} sorting={{ current: sort }} resellerNames={resellerNames} />
    </>
  );
}
