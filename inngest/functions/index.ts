import { ping } from './ping';

/** All functions served at /api/inngest and run by the embedded runner. */
export const functions = [ping];
