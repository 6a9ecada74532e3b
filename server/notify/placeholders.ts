/**
 * The placeholders an SMS or WhatsApp text of a communication rule may use, each filled from
 * the invoice the message is about. Pure and import-free: the rules form renders its live
 * preview with it, in the browser, exactly as the sender will.
 */
export const placeholders = {
  customer_name: 'the customer’s name',
  invoice_number: 'the invoice’s number',
  amount: 'the amount still due (the balance)',
  total: 'the invoice’s total',
  due_date: 'the due date',
  link: 'the public invoice link (the one the PDF’s QR code opens)',
  company: 'your company’s name',
} as const;

export type Placeholder = keyof typeof placeholders;
export type PlaceholderValues = Record<Placeholder, string>;

// `{word}`: braces around anything else (JSON, a lone brace) are plain text.
const pattern = /\{([a-z_]+)\}/g;

const known = (name: string): name is Placeholder => Object.hasOwn(placeholders, name);

/** The placeholders a text names that do not exist, each once, in the order written. */
export function unknownPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(pattern)].map((m) => m[1]!).filter((name) => !known(name)))];
}

/** The text with every known placeholder filled; an unknown one is left as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(pattern, (whole, name: string) => (known(name) ? values[name] : whole));
}

/** What the rules form's preview and the REST docs fill in: one invented invoice. */
export const samplePlaceholderValues: PlaceholderValues = {
  customer_name: 'Jordan Example',
  invoice_number: 'INV-2026-00042',
  amount: '$120.00',
  total: '$120.00',
  due_date: '30 Dec 2026',
  link: 'https://billing.example.com/p/invoice/8f14e45f?token=…',
  company: 'Your company',
};
