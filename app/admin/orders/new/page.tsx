import type { Metadata } from 'next';
import { api } from '@/server/api/server-caller';
import { toPlainDate } from '@/server/billing/periods';
import { PageHeader } from '../../../_components/ui/card';
import { requireArea, requirePermissionPage } from '../../../_lib/guard';
import { displaySettings } from '../../../_lib/money';
import { OrderWizard } from '../order-wizard';
import { newOrderValues, wizardProducts } from '../wizard-data';

export const metadata: Metadata = { title: 'Create order' };

/** Orders → Create order: the desk's three-step wizard; Done saves a draft contract order. */
export default async function NewOrderPage() {
  await requireArea('admin');
  await requirePermissionPage('orders.create');
  const trpc = await api();
  const [products, settings] = await Promise.all([wizardProducts(trpc), displaySettings()]);
  return (
    <>
      <PageHeader title="Create order" description="A contract billed on its billing day. Done saves it as a draft; activate it on its page." />
      <OrderWizard products={products} initial={newOrderValues(toPlainDate(new Date()), settings.paymentDueDays)} initialCustomer={null} />
    </>
  );
}
