import type { z } from 'zod';
import { camelized } from '../../schemas/common';
import { listPaymentsInput, listServicesInput, paymentEntryOutput, serviceEntryOutput } from '../../schemas/money-lists';
import { exportServices } from '../../services/orders/export-services';
import { listServices, type ServiceEntry } from '../../services/orders/list-services';
import { exportPayments } from '../../services/payments/export';
import { listPayments, type PaymentEntry } from '../../services/payments/list';
import { csvResponse } from '../csv';
import { defineRoute } from '../handler';
import { listOf } from '../lists';

export const paymentEntryJson = (p: PaymentEntry): z.input<typeof paymentEntryOutput> => ({
  id: p.id,
  type: p.type,
  date: p.date.toISOString(),
  amount: Number(p.amount),
  currency: p.currency,
  method: p.method,
  reference: p.reference,
  provider: p.provider,
  provider_id: p.providerId,
  invoice_id: p.invoiceId,
  invoice_number: p.invoiceNumber,
  customer_id: p.customerId,
  customer_name: p.customerName,
  recorded_by: p.recordedBy,
});

export const serviceEntryJson = (s: ServiceEntry): z.input<typeof serviceEntryOutput> => ({
  id: s.id,
  name: s.name,
  status: s.status,
  product_id: s.productId,
  product_name: s.productName,
  cycle: s.cycle,
  currency: s.currency,
  price: Number(s.price),
  quantity: s.quantity,
  usage_unit_price: s.usageUnitPrice,
  next_due_date: s.nextDueDate,
  terminates_on: s.terminatesOn,
  order_id: s.orderId,
  order_number: s.orderNumber,
  customer_id: s.customerId,
  customer_name: s.customerName,
  created_at: s.createdAt.toISOString(),
});

// A reseller key reads its own book (payments with its invoices.view flag); the service scopes it.
export const listPaymentsRoute = defineRoute(
  {
    method: 'GET',
    path: '/payments',
    summary: 'Every payment and refund, newest first by the date the money moved; a reseller key reads its own book; `format=csv` exports all matches as CSV',
    tag: 'Invoices',
    permission: 'invoices.view',
    query: camelized(listPaymentsInput),
    response: listOf(paymentEntryOutput),
  },
  async ({ ctx, query }) => {
    if (query.format === 'csv') return csvResponse(await exportPayments(ctx, query), 'payments.csv');
    const page = await listPayments(ctx, query);
    return { data: page.items.map(paymentEntryJson), next_cursor: page.nextCursor };
  },
);

export const listServicesRoute = defineRoute(
  {
    method: 'GET',
    path: '/services',
    summary:
      'Every service, newest first, with when it terminates (`terminating_within` days: its order ends or dunning terminates it); a reseller key reads its own book; `format=csv` exports all matches as CSV',
    tag: 'Orders',
    permission: 'orders.view',
    query: camelized(listServicesInput),
    response: listOf(serviceEntryOutput),
  },
  async ({ ctx, query }) => {
    if (query.format === 'csv') return csvResponse(await exportServices(ctx, query), 'services.csv');
    const page = await listServices(ctx, query);
    return { data: page.items.map(serviceEntryJson), next_cursor: page.nextCursor };
  },
);
