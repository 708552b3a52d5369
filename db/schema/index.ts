export * from './patients';
export * from './imaging';
export * from './ingest';
export * from './tracking';
export * from './signals';
export * from './response';
