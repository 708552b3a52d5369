export * from './patients';
export * from './imaging';
export * from './ingest';
export * from './tracking';
export * from './tracking-extra';
export * from './tracking-outlines';
export * from './signals';
export * from './response';
