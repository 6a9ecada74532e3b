'use client';

import { loadScript } from '@paypal/paypal-js';
import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

/**
 * PayPal's own buttons (its JS SDK): createOrder asks this server for an order over the
 * invoice's balance, and once the buyer approves, the return page captures and records it.
 */
export function PayPalButtons({
  invoiceId,
  token,
  currency,
  clientId,
  sdkUrl,
}: {
  invoiceId: string;
  token: string | undefined;
  currency: string;
  clientId: string;
  sdkUrl: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const router = useRouter();
  const t = useTranslations('shop.pay');

  useEffect(() => {
    let cancelled = false;
    loadScript({ clientId, currency, intent: 'capture', sdkBaseUrl: sdkUrl })
      .then(async (paypal) => {
        if (cancelled || !paypal?.Buttons || !container.current) return;
        await paypal
          .Buttons({
            style: { layout: 'horizontal', label: 'pay', height: 44, tagline: false },
            createOrder: async () => {
              setError(null);
              const response = await fetch(`/pay/${invoiceId}/paypal`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ token }),
              });
              const body = (await response.json()) as { orderId?: string; error?: { message?: string } };
              if (!response.ok || !body.orderId) throw new Error(body.error?.message ?? t('paypalNotStarted'));
              return body.orderId;
            },
            onApprove: async ({ orderID }) => {
              router.push(`/pay/return?provider=paypal&order_id=${encodeURIComponent(orderID)}`);
            },
            onError: (err) => setError(err instanceof Error ? err.message : t('paypalFailed')),
          })
          .render(container.current);
      })
      .catch(() => setError(t('paypalNotLoaded')));
    return () => {
      cancelled = true;
    };
  }, [invoiceId, token, currency, clientId, sdkUrl, router, t]);

  return (
    <div>
      <div ref={container} data-testid="paypal-buttons" className="min-h-11" />
      {error && (
        <p role="alert" className="mt-2 text-sm text-danger">
          {error}
        </p>
      )}
    </div>
  );
}
