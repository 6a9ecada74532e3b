import { z } from 'zod';
import { newPassword } from './account';
import { currencyCode, optionalText, requiredText, type DomainInput } from './common';
import { billingAddressInput } from './customers';
import { cartItemsInput } from './orders';
import { checkoutMethods } from './payments';

/** What a cart holds: products, cycles and options — never a price; the server prices it. */
export const cartItems = cartItemsInput;
export type CartItems = z.infer<typeof cartItems>;

/** The storefront's live totals for a cart, with the coupon the customer typed. */
export const quoteInput = z.strictObject({ items: cartItems, coupon_code: optionalText(50) });
export type QuoteInput = DomainInput<typeof quoteInput>;

const email = z.string({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').pipe(z.email('must be a valid e-mail address').max(320));

/**
 * A visitor opening an account (at checkout or on /sign-up): their customer record, where it
 * is billed, in which of the store's currencies (default: the store's own), and the login.
 */
export const signUpInput = z.strictObject({
  name: requiredText(200),
  email,
  company: optionalText(200),
  billing_address: billingAddressInput.strict(),
  currency: z.preprocess((v) => (v === '' ? undefined : v), currencyCode.optional()),
  password: newPassword,
});
export type SignUpInput = DomainInput<typeof signUpInput>;

/** Placing the cart as an order from /checkout, as the signed-in client. */
export const checkoutInput = z.strictObject({
  items: cartItems,
  coupon_code: optionalText(50),
  payment_method: z.enum(checkoutMethods, { error: 'Choose how you will pay' }),
  accept_terms: z.literal(true, { error: 'You must accept the terms to order' }),
});
export type CheckoutInput = DomainInput<typeof checkoutInput>;
