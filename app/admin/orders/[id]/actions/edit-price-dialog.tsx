'use client';

import { useMutation } from '@tanstack/react-query';
import { formatMinor } from '@/server/billing/currency';
import { editOrderPriceInput } from '@/server/schemas/orders';
import { documentName, MoneyPreview } from '../../../../_components/console/money-preview';
import { useMoney } from '../../../../_components/money';
import { Dialog, DialogActions } from '../../../../_components/ui/dialog';
import { Form, FormSelect, FormText, setFieldErrors, useZodForm } from '../../../../_components/ui/form';
import { showFieldErrors } from '../../../../_lib/form-errors';
import { majorAmount } from '../../../../_lib/form-schemas';
import { useTRPC } from '../../../../_lib/trpc';
import { useFinish } from '../../../../_lib/use-finish';
import { useLivePreview } from '../../../../_lib/use-live-preview';
import type { ActionOrder } from '../order-actions';

const priceForm = (currency: string) =>
  editOrderPriceInput.omit({ id: true }).extend({ unit_price: majorAmount(currency, (minor) => minor >= 0n, `must be an amount like 12.50 in ${currency}`) });

/**
 * A new price for one line; the first invoice is edited, or a credit or debit note settles the
 * difference — shown as the server's preview of that document before it is confirmed.
 */
export function EditPriceDialog({ order, firstInvoicePaid, onClose }: { order: ActionOrder; firstInvoicePaid: boolean; onClose: () => void }) {
  const money = useMoney();
  const trpc = useTRPC();
  const finish = useFinish(onClose);
  const priceOf = (lineId: string) => {
    const line = order.lines.find((l) => l.id === lineId);
    return line ? formatMinor(line.unitPrice, order.currency) : '';
  };
  const first = order.lines[0]?.id ?? '';
  const schema = priceForm(order.currency);
  const form = useZodForm(schema, { line_id: first, unit_price: priceOf(first), reason: '' });
  const onError = showFieldErrors(setFieldErrors(form));
  const ask = useMutation(trpc.orders.editPrice.mutationOptions({ onError, onSuccess: () => form.clearErrors() }));
  const price = useMutation(
    trpc.orders.editPrice.mutationOptions({
      onError,
      onSuccess: (result) =>
        finish(
          result.document === 'invoice_edited'
            ? 'Price changed; the unpaid invoice now bills it'
            : result.document === 'debit_note'
              ? 'Price raised; a debit note bills the difference'
              : 'Price cut; a credit note returns the difference',
        ),
    }),
  );
  const typed = schema.safeParse(form.watch());
  const request = typed.success ? { id: order.id, line_id: typed.data.line_id, unit_price: Number(typed.data.unit_price), reason: typed.data.reason } : null;
  const preview = useLivePreview(request, (r) => ask.mutateAsync({ ...r, preview: true }));
  const shown = preview.result;
  const signed = (amount: bigint) => `${amount > 0n ? '+' : ''}${money(amount, order.currency)}`;
  return (
    <Dialog
      open
      onOpenChange={(o) => o || onClose()}
      title="Edit price"
      description={
        firstInvoicePaid
          ? 'The first invoice is paid: a debit note bills a rise, a credit note returns a cut. Renewals bill the new price.'
          : 'The unpaid first invoice is edited to the new price (its number stays). Renewals bill the new price.'
      }
    >
      <Form
        form={form}
        className="grid gap-4"
        onSubmit={() => {
          if (shown && request) price.mutate(request);
        }}
      >
        {/* Choosing another line starts from that line's price. */}
        <FormSelect
          name="line_id"
          label="Line"
          rules={{ onChange: (e: { target: { value: string } }) => form.setValue('unit_price', priceOf(e.target.value)) }}
        >
          {order.lines.map((l) => (
            <option key={l.id} value={l.id}>
              {l.description} — {money(l.unitPrice, order.currency)}
            </option>
          ))}
        </FormSelect>
        <FormText name="unit_price" label={`New price per unit and cycle (${order.currency})`} inputMode="decimal" />
        <FormText name="reason" label="Reason" hint="Shown on the credit or debit note, and in the log." />
        <MoneyPreview
          asking={preview.asking}
          items={
            shown && [
              [
                shown.document === 'invoice_edited' ? `${documentName('invoice', shown.number)} (edited)` : documentName(shown.document, shown.number),
                <span key="total" data-testid="preview-document">
                  {money(shown.total, order.currency)}
                </span>,
              ],
              [
                'This period',
                <span key="change" data-testid="preview-change">
                  {signed(shown.totalChange)}
                </span>,
              ],
            ]
          }
          note="Renewals bill the new price."
        />
        <DialogActions onCancel={onClose} pending={price.isPending || (request !== null && !shown)} submit="Change price" />
      </Form>
    </Dialog>
  );
}
