// The local run history: every recommend and replay result (one row per strategy) appended to an embedded DuckDB file
// (.flowexec/history.duckdb by default); queried per regime and strategy, exported to Parquet or CSV. Node only.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export const DEFAULT_HISTORY_PATH = '.flowexec/history.duckdb';

/** One strategy's result in one run. */
export interface HistoryRow {
  runId: string;
  command: 'evaluate' | 'recommend' | 'replay';
  symbol: string;
  regime: string;
  grid: string;
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
}

const SCHEMA = `CREATE TABLE IF NOT EXISTS runs (
  run_id VARCHAR, recorded_at TIMESTAMP DEFAULT current_timestamp, command VARCHAR, symbol VARCHAR, regime VARCHAR, grid VARCHAR,
  strategy VARCHAR, strategy_type VARCHAR, mean_bps DOUBLE, stderr_bps DOUBLE, score_bps DOUBLE, won BOOLEAN,
  seed BIGINT, version VARCHAR, config VARCHAR)`;

export class RunHistory {
  private constructor(
    private readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

  static async open(path: string): Promise<RunHistory> {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const instance = await DuckDBInstance.create(path);
    const connection = await instance.connect();
    await connection.run(SCHEMA);
    return new RunHistory(connection, path);
  }

  async append(rows: HistoryRow[]): Promise<void> {
    for (const r of rows) {
      await this.connection.run(
        'INSERT INTO runs (run_id, command, symbol, regime, grid, strategy, strategy_type, mean_bps, stderr_bps, score_bps, won, seed, version, config) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)',
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
        ],
      );
    }
  }

  /** Per regime, command (recommend: simulated; replay: real days) and strategy: runs, wins, mean IS and score, best first within a regime. */
  async summary(regime?: string): Promise<
    Array<{
      regime: string;
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
       FROM runs ${where} GROUP BY regime, command, strategy_type ORDER BY regime, command, score`,
      regime ? [regime] : [],
    );
    return reader.getRows().map((r) => ({
      regime: String(r[0]),
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

  close(): void {
    this.connection.closeSync();
  }
}
