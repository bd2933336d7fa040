// The API on Bun (from npm): the bundled entry, the same cases as every runtime.
import { runtimeSuite } from './cases.js';
import { bundle, startBun } from './support.js';

runtimeSuite({ name: 'bun', runtime: 'bun', jobMode: 'background', start: async (env) => { bundle(['bun']); return startBun(env); } });
