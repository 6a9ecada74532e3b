// Kept out of keyboard-rows.tsx: a value exported from a 'use client' module reaches server
// components as a client reference, not as this string.
/** Row classes for a list whose rows open a record: focusable and visibly focused. */
export const navigableRow = 'cursor-default focus:bg-accent/10 focus:outline-none';
