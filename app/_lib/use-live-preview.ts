'use client';

import { useEffect, useRef, useState } from 'react';

// Requests carry bigints (amounts); the key only has to tell two requests apart.
const keyOf = (request: unknown) => JSON.stringify(request, (_, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));

const pause = 350;

/**
 * The server's preview of a money action (API.md, "Previews") for what the dialog holds now:
 * asked again a moment after the input changes, as long as it is complete (`request` null
 * otherwise). `result` is the preview of exactly `request`, or null while none is; Confirm
 * sends that request, so what is confirmed is what was shown.
 */
export function useLivePreview<Request, Result>(request: Request | null, ask: (request: Request) => Promise<Result>) {
  const key = request === null ? null : keyOf(request);
  // The last answer and the input it answers; a refusal (shown by the caller's onError) is null.
  const [answered, setAnswered] = useState<{ key: string; result: Result | null } | null>(null);
  const latest = useRef<string | null>(null);
  const askRef = useRef(ask);
  const requestRef = useRef(request);
  useEffect(() => {
    askRef.current = ask;
    requestRef.current = request;
  });

  useEffect(() => {
    latest.current = key;
    if (key === null) return;
    const timer = setTimeout(() => {
      // An answer to input that has changed since is dropped: the newer one is on its way.
      const settle = (result: Result | null) => latest.current === key && setAnswered({ key, result });
      askRef
        .current(requestRef.current as Request)
        .then(settle)
        .catch(() => settle(null));
    }, pause);
    return () => clearTimeout(timer);
  }, [key]);

  const current = answered && answered.key === key ? answered : null;
  return { result: current?.result ?? null, asking: key !== null && current === null };
}
