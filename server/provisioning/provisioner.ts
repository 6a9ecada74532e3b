import { createHmac } from 'node:crypto';
import { env } from '../env';
import { excerpt, outboundRequest, PrivateAddressRefused, type OutboundResponse } from '../http/outbound';

export type ProvisioningAction = 'create' | 'suspend' | 'unsuspend' | 'terminate' | 'change_plan';
export type ServiceSubject = {
  id: string;
  orderId: string;
  customerId: string;
  productId: string;
  name: string;
  cycle: string;
  price: string;
  currency: string;
};

/** What sets services up at the provider: a control panel, a VPS API, or a person. */
export interface Provisioner {
  /**
   * `done: false`: a person finishes it (the service waits, pending, for "Mark provisioned").
   * `extra` goes into the request beside the service (a plan change sends `previous`).
   */
  run(action: ProvisioningAction, service: ServiceSubject, idempotencyKey: string, extra?: Record<string, unknown>): Promise<{ done: boolean; detail: string }>;
}

/** Refused or unreachable: the step retries with backoff, then the service is marked failed. */
export class ProvisioningFailed extends Error {
  override name = 'ProvisioningFailed';
}

/** The key receivers check `Cashdesk-Signature` with (shown in Settings → Automation). */
export const provisioningSecret = () => createHmac('sha256', env().secret).update('cashdesk:provisioning-webhooks').digest('base64url');

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, the Stripe-style scheme receivers know. */
export function signature(body: string, secret: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * A signed JSON POST per action; any 2xx is done, anything else (or no answer in 10 s) fails.
 * Only the status and a short excerpt of the answer are kept (in the job error, the audit log):
 * the URL and the rest of the answer stay out of what the desk's screens show.
 */
export function webhookProvisioner(url: string, options: { secret?: string; now?: () => Date } = {}): Provisioner {
  return {
    async run(action, service, idempotencyKey, extra = {}) {
      const body = JSON.stringify({ action, service, idempotency_key: idempotencyKey, ...extra });
      let response: OutboundResponse;
      try {
        response = await outboundRequest(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': idempotencyKey,
            'cashdesk-signature': signature(body, options.secret ?? provisioningSecret(), (options.now ?? (() => new Date()))()),
          },
          body,
          signal: AbortSignal.timeout(10_000),
        });
      } catch (error) {
        if (error instanceof PrivateAddressRefused) throw new ProvisioningFailed(`The provisioning webhook was not called: ${error.message}`);
        throw new ProvisioningFailed(`The provisioning webhook did not answer: ${excerpt(error instanceof Error ? error.message : String(error))}`);
      }
      const text = excerpt(response.text);
      if (!response.ok) throw new ProvisioningFailed(`The provisioning webhook answered ${response.status}: ${text || excerpt(response.statusText)}`);
      return { done: true, detail: `${response.status} ${text}`.trim() };
    },
  };
}

/**
 * Nothing automatic: an admin sets the service up and marks it provisioned; suspending,
 * unsuspending, terminating and plan changes are done by hand at the provider too.
 */
export const manualProvisioner: Provisioner = {
  async run(action) {
    if (action === 'create') return { done: false, detail: 'waiting for an admin to mark it provisioned' };
    return { done: false, detail: `manual provisioning: nothing is called, ${action.replace('_', ' ')} it by hand at the provider` };
  },
};

export function provisionerFor(product: { provisioningModule: 'manual' | 'webhook' | null; provisioningUrl: string | null }): Provisioner | null {
  if (product.provisioningModule === 'webhook' && product.provisioningUrl) return webhookProvisioner(product.provisioningUrl);
  if (product.provisioningModule === 'manual') return manualProvisioner;
  return null;
}
