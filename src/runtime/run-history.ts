// The local run history: every evaluate, recommend and replay result (one row per strategy) appended to an embedded
// DuckDB file (.flowexec/history.duckdb by default); queried per regime and strategy, exported to Parquet or CSV. Node only.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEFAULT_HISTORY_PATH = '.flowexec/history.duckdb';

/** One strategy's result in one run. */
export interface HistoryRow {
  runId: string;
  command: 'evaluate' | 'recommend' | 'replay';
  symbol: string;
  /** The regime label when known (recommend, replay, `evaluate --regime`), else null. */
  regime: string | null;
  grid: string | null;
  strategy: string;
  strategyType: string;
  meanBps: number;
  stderrBps: number;
  scoreBps: number;
  /** 1 when this strategy was the run's best. */
  won: boolean;
  seed: number;
  version: string;
  config: string;
  /** The strategy's whole metrics record as JSON (attribution, VaR, completion...), when the command has one. */
  metrics?: string;
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR, recorded_at TIMESTAMP DEFAULT current_timestamp, command VARCHAR, symbol VARCHAR, regime VARCHAR, grid VARCHAR,
  strategy VARCHAR, strategy_type VARCHAR, mean_bps DOUBLE, stderr_bps DOUBLE, score_bps DOUBLE, won BOOLEAN,
  seed BIGINT, version VARCHAR, config VARCHAR)`;
/** Columns added after the first release: files written before them gain them on open. */
const MIGRATIONS = ['ALTER TABLE runs ADD COLUMN IF NOT EXISTS metrics VARCHAR'];

/** How long open() waits for another process holding the file (DuckDB allows one writer process). */
const LOCK_WAIT_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class RunHistory {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<RunHistory> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    let instance: DuckDBInstance | undefined;
    for (let waited = 0; ;) {
      try {
        instance = await DuckDBInstance.create(path);
        break;
      } catch (e) {
        // another flowexec process has the file open: wait for it (runs take seconds), then give up with its error
        if (!/lock/i.test(String(e)) || waited >= LOCK_WAIT_MS) throw e;
        const ms = 50 + Math.floor(Math.random() * 200);
        await sleep(ms);
        waited += ms;
      }
    }
    const connection = await instance.connect();
    await connection.run(SCHEMA);
    for (const m of MIGRATIONS) await connection.run(m);
    return new RunHistory(instance, connection, path);
  }

  async append(rows: HistoryRow[]): Promise<void> {
    for (const r of rows) {
      await this.connection.run(
        'INSERT INTO runs (run_id, command, symbol, regime, grid, strategy, strategy_type, mean_bps, stderr_bps, score_bps, won, seed, version, config, metrics) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)',
        [
          r.runId,
          r.command,
          r.symbol,
          r.regime,
          r.grid,
          r.strategy,
          r.strategyType,
          r.meanBps,
          r.stderrBps,
          r.scoreBps,
          r.won,
          r.seed,
          r.version,
          r.config,
          r.metrics ?? null,
        ],
      );
    }
  }

  /** Per regime, command (recommend: simulated; replay: real days) and strategy: runs, wins, mean IS and score, best first within a regime. */
  async summary(regime?: string): Promise<
    Array<{
      /** null for runs whose regime was not known (an evaluate without --regime). */
      regime: string | null;
      command: string;
      strategyType: string;
      runs: number;
      wins: number;
      meanBps: number;
      meanScoreBps: number;
    }>
  > {
    const where = regime ? 'WHERE regime = $1' : '';
    const reader = await this.connection.runAndReadAll(
      `SELECT regime, command, strategy_type, count(*)::INTEGER AS runs, sum(CASE WHEN won THEN 1 ELSE 0 END)::INTEGER AS wins, avg(mean_bps) AS mean_bps, avg(score_bps) AS score
       FROM runs ${where} GROUP BY regime, command, strategy_type ORDER BY regime NULLS LAST, command, score`,
      regime ? [regime] : [],
    );
    return reader.getRows().map((r) => ({
      regime: r[0] === null ? null : String(r[0]),
      command: String(r[1]),
      strategyType: String(r[2]),
      runs: Number(r[3]),
      wins: Number(r[4]),
      meanBps: Number(r[5]),
      meanScoreBps: Number(r[6]),
    }));
  }

  /** (regime, winning strategy type) of every run, oldest first: what the meta-selector learns from. */
  async winners(): Promise<Array<{ regime: string; winner: string }>> {
    const reader = await this.connection.runAndReadAll(
      `SELECT regime, strategy_type FROM runs WHERE won AND command = 'recommend' ORDER BY recorded_at, run_id`,
    );
    return reader.getRows().map((r) => ({ regime: String(r[0]), winner: String(r[1]) }));
  }

  /** Writes the whole table to FILE.parquet or FILE.csv. */
  async export(path: string): Promise<number> {
    const format = path.toLowerCase().endsWith('.parquet') ? 'PARQUET' : 'CSV, HEADER';
    await this.connection.run(`COPY runs TO '${path.replace(/'/g, "''")}' (FORMAT ${format})`);
    const reader = await this.connection.runAndReadAll('SELECT count(*)::INTEGER FROM runs');
    return Number(reader.getRows()[0]![0]);
  }

  /** Closes the connection and the database, releasing the file's lock for other processes. */
  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
