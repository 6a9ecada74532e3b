export * from './audit';
export * from './auth';
export * from './customers';
export * from './idempotency';
export * from './settings';
