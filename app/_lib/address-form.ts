type Address = { line1: string; line2?: string | undefined; city: string; region?: string | undefined; postalCode?: string | undefined; country: string };

/** A billing address as the address fields of a form hold it: every field a string, '' when unset. */
export function addressFields(address: Address | null | undefined) {
  return {
    line1: address?.line1 ?? '',
    line2: address?.line2 ?? '',
    city: address?.city ?? '',
    region: address?.region ?? '',
    postal_code: address?.postalCode ?? '',
    country: address?.country ?? '',
  };
}
