import { beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../support/database';
import { apply, checkWorld, openDesk, openWorld, type Desk, type Op, type Tally } from './desk';

// The counterexamples the money-invariants property found, each as the shortest sequence that
// shows it, run through the same desk and checked by the same invariants.
const { db } = withTestDatabase();
let desk: Desk;

beforeAll(async () => {
  desk = await openDesk(db());
});

async function brokenAfter(ops: Op[], opening = 1000) {
  const tally: Tally = { sequences: 1, operations: 0, refusals: 0, skipped: 0 };
  const world = await openWorld(desk, { startDay: 30, opening });
  for (const op of ops) await apply(world, op, tally);
  return checkWorld(world);
}

// Invoice #0 is the opening invoice; an order's first invoice comes after it.
describe('the desk never gives the same money back twice', () => {
  it('refuses a refund of what a credit note already put on the balance', async () => {
    const broken = await brokenAfter([
      { op: 'pay', invoice: 0, method: 'cash', share: 'all' },
      { op: 'creditNote', invoice: 0, share: 'all' },
      { op: 'refund', invoice: 0, payment: null, share: 'all', toCredit: false },
    ]);
    expect(broken).toEqual([]);
  });

  it('refunds a merged invoice only through the invoice it was merged into', async () => {
    const broken = await brokenAfter([
      { op: 'pay', invoice: 0, method: 'cash', share: 40 },
      { op: 'invoice', amount: 1000 },
      { op: 'consolidate' },
      { op: 'refund', invoice: 0, payment: null, share: 'all', toCredit: false },
    ]);
    expect(broken).toEqual([]);
  });

  it('takes the overpaid credit back when the gateway refunds the whole charge', async () => {
    const broken = await brokenAfter([
      { op: 'gatewayPay', invoice: 0, provider: 'stripe', share: 'over' },
      { op: 'gatewayRefund', payment: 0, share: 'all' },
    ]);
    expect(broken).toEqual([]);
  });

  it('takes a gateway refund of a merged invoice’s payment out of the unused credit', async () => {
    const broken = await brokenAfter(
      [
        { op: 'gatewayPay', invoice: 0, provider: 'stripe', share: 1 },
        { op: 'invoice', amount: 1 },
        { op: 'consolidate' },
        { op: 'gatewayPay', invoice: 0, provider: 'stripe', share: 'over' },
        { op: 'gatewayRefund', payment: 0, share: 'over' },
        { op: 'cancel', invoice: 0 },
      ],
      2,
    );
    expect(broken).toEqual([]);
  });

  it('credits a downgrade only for what was paid, not for an unpaid upgrade', async () => {
    const broken = await brokenAfter([
      { op: 'order', plan: 0, paid: true },
      { op: 'changePlan', service: 0, plan: 2 },
      { op: 'changePlan', service: 0, plan: 0 },
    ]);
    expect(broken).toEqual([]);
  });

  it('takes a credit note’s credit back when the gateway refunds the charge it credited', async () => {
    const broken = await brokenAfter([
      { op: 'gatewayPay', invoice: 0, provider: 'stripe', share: 'all' },
      { op: 'creditNote', invoice: 0, share: 'all' },
      { op: 'gatewayRefund', payment: 0, share: 'all' },
    ]);
    expect(broken).toEqual([]);
  });

  it('credits no downgrade for a period whose payment was refunded', async () => {
    const broken = await brokenAfter([
      { op: 'order', plan: 1, paid: true },
      { op: 'refund', invoice: 1, payment: null, share: 'all', toCredit: false },
      { op: 'changePlan', service: 0, plan: 0 },
    ]);
    expect(broken).toEqual([]);
  });
});
