// The durable JobStore of the Node server: one JSON file per job under DATA_DIR/jobs, written atomically.
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { isJobId } from '../api/job-id.js';
import { MemoryJobStore, type JobRecord, type JobStore, type ListOptions } from '../api/job-store.js';

/** A record is JOB_ID.json; a save in progress writes JOB_ID.json.tmp-RANDOM first. */
const FILE = /^(.+)\.json$/;
const TEMPORARY = /^(.+)\.json\.tmp-[0-9a-f]+$/;

/**
 * Reads are served from memory (every record is loaded at open); every save goes to disk first as
 * write temporary file, fsync, rename over the record, fsync the folder: a crash at any point leaves the old
 * record or the new one, never a torn file. Saves of one job are serialised so the last one wins.
 */
export class DiskJobStore implements JobStore {
  private readonly cache = new MemoryJobStore();
  private readonly writes = new Map<string, Promise<void>>();

  private constructor(readonly dir: string) {}

  static async open(dataDir: string): Promise<DiskJobStore> {
    const store = new DiskJobStore(join(dataDir, 'jobs'));
    await mkdir(store.dir, { recursive: true });
    for (const name of await readdir(store.dir)) {
      if (isJobId(TEMPORARY.exec(name)?.[1] ?? '')) {
        await unlink(join(store.dir, name)).catch(() => {});
        continue;
      } // a save cut short
      const id = FILE.exec(name)?.[1];
      if (!id || !isJobId(id)) continue;
      try {
        const job = JSON.parse(await readFile(join(store.dir, name), 'utf8')) as JobRecord;
        if (job.id === id) await store.cache.save(job);
      } catch (error) {
        console.error(`flowexec serve: skipping unreadable job file ${name}: ${(error as Error).message}`);
      }
    }
    return store;
  }

  private path(id: string): string {
    if (!isJobId(id)) throw new Error(`not a job id: ${JSON.stringify(id).slice(0, 80)}`); // never a path from anything else
    return join(this.dir, `${id}.json`);
  }

  private async write(id: string, text: string | null): Promise<void> {
    const target = this.path(id);
    if (text === null) {
      await unlink(target).catch(() => {});
      return;
    }
    const temporary = `${target}.tmp-${randomBytes(6).toString('hex')}`;
    const file = await open(temporary, 'w');
    try {
      await file.writeFile(text);
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, target);
    const folder = await open(this.dir, 'r');
    try {
      await folder.sync();
    } finally {
      await folder.close();
    }
  }

  /** Chains the write after the previous one of the same job. */
  private enqueue(id: string, text: string | null): Promise<void> {
    const previous = this.writes.get(id) ?? Promise.resolve();
    const next = previous.catch(() => {}).then(() => this.write(id, text));
    this.writes.set(id, next);
    next
      .finally(() => {
        if (this.writes.get(id) === next) this.writes.delete(id);
      })
      .catch(() => {});
    return next;
  }

  async save(job: JobRecord): Promise<void> {
    const text = JSON.stringify(job);
    await this.cache.save(job);
    await this.enqueue(job.id, text);
  }

  load(id: string): Promise<JobRecord | undefined> {
    return this.cache.load(id);
  }

  list(options: ListOptions): Promise<JobRecord[]> {
    return this.cache.list(options);
  }

  async remove(id: string): Promise<void> {
    await this.cache.remove(id);
    await this.enqueue(id, null);
  }

  all(): Promise<JobRecord[]> {
    return this.cache.all();
  }
}
