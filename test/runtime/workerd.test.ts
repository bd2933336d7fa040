// The API on workerd (the Cloudflare Workers runtime, from npm): the bundled worker with the wasm linked as a module.
import { runtimeSuite } from './cases.js';
import { bundle, startWorkerd } from './support.js';

runtimeSuite({ name: 'workerd', runtime: 'workerd', jobMode: 'inline', start: async (env) => { bundle(['workerd']); return startWorkerd(env); } });
