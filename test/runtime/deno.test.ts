// The API on Deno (from npm), with only the permissions it needs: net to 127.0.0.1, read of build/runtime, FLOWEXEC_* env.
import { runtimeSuite } from './cases.js';
import { bundle, startDeno } from './support.js';

runtimeSuite({ name: 'deno', runtime: 'deno', jobMode: 'background', start: async (env) => { bundle(['deno']); return startDeno(env); } });
