'use client';

import { useState } from 'react';

// getRandomValues works on plain-http deployments too, where crypto.randomUUID does not exist.
const newKey = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The idempotency key a money dialog sends: the same for every retry and double click of one
 * attempt, renewed once the action succeeded so the next one is recorded in its own right.
 */
export function useIdempotencyKey(): [string, () => void] {
  const [key, setKey] = useState(newKey);
  return [key, () => setKey(newKey())];
}
