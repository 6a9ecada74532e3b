'use client';

import { useSyncExternalStore } from 'react';
import type { CartItems } from '@/server/schemas/store';

/**
 * The cart lives in this browser's localStorage, so it survives signing in or opening an
 * account mid-checkout (both reload the page). It holds what was chosen and a label to show
 * while the server's quote loads — never a price: the server prices the cart from the catalog.
 */
export type CartLine = CartItems[number] & { key: string; label: string };
export type Cart = { lines: CartLine[]; coupon: string | null };

const storageKey = 'cashdesk.cart.v1';
const empty: Cart = { lines: [], coupon: null };
const listeners = new Set<() => void>();
let cached: { raw: string | null; cart: Cart } = { raw: null, cart: empty };

function read(): Cart {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(storageKey);
  } catch {
    return empty; // storage disabled: an empty cart rather than a broken page
  }
  if (raw === cached.raw) return cached.cart;
  let cart = empty;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<Cart>) : null;
    if (parsed && Array.isArray(parsed.lines)) cart = { lines: parsed.lines, coupon: typeof parsed.coupon === 'string' ? parsed.coupon : null };
  } catch {
    // A corrupt entry is dropped, not fatal.
  }
  cached = { raw, cart };
  return cart;
}

function write(cart: Cart) {
  try {
    window.localStorage.setItem(storageKey, JSON.stringify(cart));
  } catch {
    // Private mode or a full quota: the cart still works for this page view.
  }
  cached = { raw: JSON.stringify(cart), cart };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed the cart.
  const onStorage = (event: StorageEvent) => event.key === storageKey && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The cart, re-rendering on every change (in this tab or another). Empty on the server. */
export function useCart(): Cart {
  return useSyncExternalStore(subscribe, read, () => empty);
}

const noSubscription = () => () => {};

/** False during server rendering and hydration, when the cart cannot be known yet. */
export function useCartReady(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

// crypto.randomUUID exists only in secure contexts; a store on plain http must work too.
const newKey = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export const cartActions = {
  add(line: Omit<CartLine, 'key'>) {
    const cart = read();
    write({ ...cart, lines: [...cart.lines, { ...line, key: newKey() }] });
  },
  remove(key: string) {
    const cart = read();
    write({ ...cart, lines: cart.lines.filter((l) => l.key !== key) });
  },
  setCoupon(coupon: string | null) {
    write({ ...read(), coupon });
  },
  /** Empties the cart and hands back what it held, to restore if placing the order fails. */
  take(): Cart {
    const cart = read();
    write(empty);
    return cart;
  },
  restore(cart: Cart) {
    write(cart);
  },
};

/** What the server is sent for a cart: the choices only. */
export const itemsOf = (cart: Cart): CartItems =>
  cart.lines.map((l) => ({
    product_id: l.product_id,
    cycle: l.cycle,
    quantity: l.quantity,
    options: l.options.map((o) => ({ option_id: o.option_id, quantity: o.quantity })),
  }));
