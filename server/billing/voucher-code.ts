/*
 * Prepaid card codes: what they look like, how one is drawn and how a typed one is read back.
 * Pure; the random bytes are a parameter so tests can fix them.
 */

// No 0/O and no 1/I: a card read aloud or typed from paper cannot be misread. 32 symbols, so a
// random byte's low 5 bits pick one without bias.
export const codeAlphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const codeGroups = 3;
export const codeGroupLength = 4;
export const codeLength = codeGroups * codeGroupLength;

/** 12 symbols of 5 bits: 60 bits, far beyond what a throttled guesser can try. */
export function drawCode(randomBytes: (size: number) => Uint8Array): string {
  const bytes = randomBytes(codeLength);
  return formatCode(Array.from(bytes, (byte) => codeAlphabet[byte & 31]).join(''));
}

/** XXXX-XXXX-XXXX from the bare symbols. */
export function formatCode(bare: string): string {
  return bare.match(new RegExp(`.{1,${codeGroupLength}}`, 'g'))!.join('-');
}

/**
 * The bare symbols of a code as a person typed it (any case, spaces or dashes anywhere), or null
 * when it cannot be a code: wrong length, or a symbol the alphabet leaves out.
 */
export function normalizeCode(typed: string): string | null {
  const bare = typed.toUpperCase().replace(/[\s-]/g, '');
  if (bare.length !== codeLength) return null;
  for (const symbol of bare) if (!codeAlphabet.includes(symbol)) return null;
  return bare;
}

/** What receipts, invoice lines and the desk show of a code: its last four symbols. */
export const codeTail = (bare: string): string => bare.slice(-codeGroupLength);
