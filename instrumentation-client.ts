import { z } from 'zod';

// Runs before the app's own code in the browser. zod probes `new Function` when its first object
// schema is built, to parse faster; our CSP refuses eval, so the probe fails (zod then parses
// without it) yet the browser reports a violation. Forms parse in the browser: skip the probe.
z.config({ jitless: true });
