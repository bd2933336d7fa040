// `flowexec serve` as a command: bad flags and environment exit 2 with one line; SIGTERM stops it promptly, leaving
// a running job recorded as running (so the next start runs it again) and no temporary file behind.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { flowexec, isCleanInputError, scratchDir } from '../support/cli.js';
import { startNodeServe, fetchWithin, readEvents } from './support.js';
import { post } from '../api/support.js';
import { hestonJob } from '../api/heston-job.js';

const CASES: Array<[string, string[], Record<string, string>, RegExp]> = [
  ['a port out of range', ['serve', '--port', '70000'], {}, /--port must be an integer in \[0, 65535\]/],
  ['a non-numeric port', ['serve', '--port', 'http'], {}, /--port/],
  ['zero threads', ['serve', '--threads', '0'], {}, /--threads/],
  ['a host with a space', ['serve', '--host', 'bad host'], {}, /--host/],
  ['an unknown flag', ['serve', '--prot', '1'], {}, /unknown option '--prot'/],
  ['a short API token', ['serve', '--port', '0'], { FLOWEXEC_API_TOKEN: 'short' }, /FLOWEXEC_API_TOKEN/],
  [
    'a bad limit',
    ['serve', '--port', '0'],
    { FLOWEXEC_MAX_QUEUED_JOBS: 'many' },
    /FLOWEXEC_MAX_QUEUED_JOBS must be a positive integer/,
  ],
  ['a data dir that is a file', ['serve', '--port', '0', '--data-dir', '/etc/hostname'], {}, /--data-dir/],
];

for (const [what, args, env, mentions] of CASES) {
  test(`serve with ${what} exits 2 with one line naming it`, async () => {
    const problem = isCleanInputError(await flowexec(args, env), mentions);
    assert.is(problem, null, problem ?? '');
  });
}

test('a port in use exits 2 naming the port', async () => {
  const first = await startNodeServe(['--data-dir', scratchDir(), '--threads', '1']);
  try {
    const problem = isCleanInputError(
      await flowexec(['serve', '--port', new URL(first.url).port, '--data-dir', scratchDir()]),
      /already in use/,
    );
    assert.is(problem, null, problem ?? '');
  } finally {
    await first.stop();
  }
});

test('SIGTERM stops the server promptly and leaves its running job recorded as running', async () => {
  const dataDir = scratchDir();
  const server = await startNodeServe(['--data-dir', dataDir, '--threads', '2']);
  try {
    const job = await (await fetchWithin(`${server.url}/v1/evaluations`, post(hestonJob(4_000_000)))).json();
    await readEvents(
      `${server.url}/v1/evaluations/${job.id}/events`,
      (e) => e.event === 'progress' && e.data.donePaths > 0,
    );
    await server.stop();
    assert.is(server.child.exitCode, 0, server.output());
    const saved = JSON.parse(readFileSync(join(dataDir, 'jobs', `${job.id}.json`), 'utf8'));
    assert.is(saved.status, 'running');
    assert.equal(readdirSync(join(dataDir, 'jobs')), [`${job.id}.json`]);
  } finally {
    await server.kill();
  }
});

test.run();
