// The API on Bun (from npm): the bundled entry, the same cases as every runtime.
import { runtimeSuite } from './cases.js';
import { bundle, startBun } from './support.js';

bundle(['bun']); // once per file: both servers of the suite run this bundle
runtimeSuite({ name: 'bun', runtime: 'bun', jobMode: 'background', start: (env) => startBun(env) });
