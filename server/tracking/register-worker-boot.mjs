// Starts the TypeScript registration worker: registers tsx's hooks in this worker
// thread first, because Node 20 does not carry `--import tsx` into a worker's entry.
import { register } from 'tsx/esm/api';

register();
await import('./register-worker.ts');
