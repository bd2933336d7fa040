// The API on Deno (from npm), with only the permissions it needs: net to 127.0.0.1, read of build/runtime, FLOWEXEC_* env.
import { runtimeSuite } from './cases.js';
import { bundle, startDeno } from './support.js';

bundle(['deno']); // once per file: both servers of the suite run this bundle
runtimeSuite({ name: 'deno', runtime: 'deno', jobMode: 'background', start: (env) => startDeno(env) });
