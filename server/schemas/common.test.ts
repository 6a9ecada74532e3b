import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { camelized } from './common';

const wire = z.object({
  customer_id: z.string(),
  line_items: z.array(z.object({ unit_price: z.number(), tax_rate_2: z.number().optional() })),
  billing_address: z.object({ postal_code: z.string() }).nullable(),
  paid_at: z.date(),
  amount: z.bigint(),
});

describe('camelized', () => {
  it('renames snake_case keys at every depth and leaves values alone', () => {
    const paidAt = new Date('2026-01-31T00:00:00Z');
    const parsed = camelized(wire).parse({
      customer_id: 'c1',
      line_items: [{ unit_price: 5, tax_rate_2: 1 }],
      billing_address: { postal_code: '22201' },
      paid_at: paidAt,
      amount: 3n,
    });
    expect(parsed).toEqual({ customerId: 'c1', lineItems: [{ unitPrice: 5, taxRate2: 1 }], billingAddress: { postalCode: '22201' }, paidAt, amount: 3n });
    expect(parsed.paidAt).toBe(paidAt);
    expectTypeOf(parsed).toEqualTypeOf<{
      customerId: string;
      lineItems: { unitPrice: number; taxRate2?: number | undefined }[];
      billingAddress: { postalCode: string } | null;
      paidAt: Date;
      amount: bigint;
    }>();
  });

  it('keeps the snake_case wire: its input type and request JSON Schema are the plain schema’s', () => {
    expectTypeOf<z.input<ReturnType<typeof camelized<typeof wire>>>>().toEqualTypeOf<z.input<typeof wire>>();
    const object = z.object({ customer_id: z.string(), notes: z.string().optional() });
    expect(z.toJSONSchema(camelized(object), { io: 'input' })).toEqual(z.toJSONSchema(object, { io: 'input' }));
  });
});
