import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { api } from '@/server/api/server-caller';
import { canEditContract } from '@/server/billing/order-status';
import { PageHeader } from '../../../../_components/ui/card';
import { recordId, requireArea, requirePermissionPage } from '../../../../_lib/guard';
import { OrderWizard } from '../../order-wizard';
import { draftValues, wizardProducts } from '../../wizard-data';

export const metadata: Metadata = { title: 'Edit order' };

/** A draft contract order reopened in the wizard; saving goes through orders.update (drafts only). */
export default async function EditOrderPage({ params }: { params: Promise<{ id: string }> }) {
  await requireArea('admin');
  await requirePermissionPage('orders.edit');
  const id = await recordId(params);
  const trpc = await api();
  const order = await trpc.orders.byId({ id }).catch(() => notFound());
  if (!canEditContract(order)) notFound();
  const [products, customer] = await Promise.all([wizardProducts(trpc), trpc.customers.byId({ id: order.customerId })]);
  return (
    <>
      <PageHeader title={`Edit order ${order.number}`} description="A draft changes freely until it is activated." />
      <OrderWizard
        orderId={order.id}
        products={products}
        initial={draftValues(order, products)}
        initialCustomer={{
          id: customer.id,
          name: customer.name,
          email: customer.email,
          currency: customer.currency,
          taxExempt: customer.taxExempt,
          taxRateOverride: customer.taxRateOverride,
        }}
      />
    </>
  );
}
