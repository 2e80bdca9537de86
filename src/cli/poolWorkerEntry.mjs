// Worker-thread entry of the CLI pool: registers the TypeScript loader, then runs the worker.
import { register } from 'tsx/esm/api';

register();
await import('./poolWorker.ts');
