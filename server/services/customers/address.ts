import type { BillingAddress } from '@/db/schema';
import type { CreateCustomerInput } from '@/server/schemas/customers';

/** The API's snake_case address as stored. */
export function toBillingAddress(input: NonNullable<CreateCustomerInput['billing_address']>): BillingAddress {
  return {
    line1: input.line1,
    line2: input.line2,
    city: input.city,
    region: input.region,
    postalCode: input.postal_code,
    country: input.country,
  };
}
