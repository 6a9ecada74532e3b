/** The console a shared page renders in; links inside it stay in that console. */
export type ConsoleBase = '/admin' | '/reseller';
