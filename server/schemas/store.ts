import { z } from 'zod';
import { optionalText, requiredText, type DomainInput } from './common';
import { cartItemsInput } from './orders';
import { checkoutMethods } from './payments';

/** What a cart holds: products, cycles and options — never a price; the server prices it. */
export const cartItems = cartItemsInput;
export type CartItems = z.infer<typeof cartItems>;

/** The storefront's live totals for a cart, with the coupon the customer typed. */
export const quoteInput = z.strictObject({ items: cartItems, coupon_code: optionalText(50) });
export type QuoteInput = DomainInput<typeof quoteInput>;

const email = z.string({ error: 'is required' }).trim().toLowerCase().min(1, 'is required').pipe(z.email('must be a valid e-mail address').max(320));

/** A visitor opening an account at checkout: their customer record and the client login. */
export const signUpInput = z.strictObject({
  name: requiredText(200),
  email,
  company: optionalText(200),
  password: z.string({ error: 'is required' }).min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters'),
});
export type SignUpInput = z.infer<typeof signUpInput>;

/** Placing the cart as an order from /checkout, as the signed-in client. */
export const checkoutInput = z.strictObject({
  items: cartItems,
  coupon_code: optionalText(50),
  payment_method: z.enum(checkoutMethods, { error: 'Choose how you will pay' }),
  accept_terms: z.literal(true, { error: 'You must accept the terms to order' }),
});
export type CheckoutInput = DomainInput<typeof checkoutInput>;
