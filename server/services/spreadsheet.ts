// Cells a spreadsheet would run as formulas are prefixed, so an export cannot carry an attack.
export const safeCell = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
