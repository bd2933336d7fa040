// The API on workerd (the Cloudflare Workers runtime, from npm): the bundled worker with the wasm linked as a module.
import { runtimeSuite } from './cases.js';
import { bundle, startWorkerd } from './support.js';

bundle(['workerd']); // once per file: both servers of the suite run this bundle
runtimeSuite({ name: 'workerd', runtime: 'workerd', jobMode: 'inline', start: (env) => startWorkerd(env) });
