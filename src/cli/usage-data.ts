// Usage lines of the real-data commands (calibrate, regime, replay), apart from usage.ts to keep merges small.
const DATA = '[--symbol S] [--session HH:MM-HH:MM|24h] [--quotes QUOTES.csv | --no-quotes]';
export const CALIBRATE_USAGE = `flowexec calibrate DATA.csv ${DATA} [--window MIN] [--bootstrap N] [--seed S] [-o MARKET.json] [--json]`;
export const REGIME_USAGE = `flowexec regime DATA.csv ${DATA} [--window MIN] [--json] | flowexec regime --follow [--window MIN] < BARS.csv`;
export const REPLAY_USAGE = `flowexec replay DATA.csv --order ORDER.json ${DATA} [--json]`;
export const RECOMMEND_USAGE = `flowexec recommend --data DATA.csv --order ORDER.json ${DATA} [--policy FILE]... [--specialists DIR] [--paths N] [--seed S] [--threads N] [--history PATH | --no-history] [--json]`;
export const HISTORY_USAGE = 'flowexec history [--regime R] [--json] [--export FILE.parquet|FILE.csv] [--history PATH]';
