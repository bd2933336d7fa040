// Where GET /v1/policies finds saved training runs (the runtime reads the folder of `flowexec serve --policies DIR`).
export {
  trainingRunOf,
  summaryOf,
  trainingRunSchema,
  trainingRunListSchema,
  type TrainingRun,
  type TrainingRunSummary,
} from '../strategies/training-run.js';

/** Where the policy files of `flowexec serve --policies DIR` come from (the runtime reads the folder). */
export interface PolicySource {
  /** The folder, as shown to users. */
  readonly label: string;
  /** File names (no folders) of the .json files in it. */
  list(): Promise<string[]>;
  /** A file's text and the text of its training log (FILE.log.jsonl) when there is one; undefined when absent. */
  read(file: string): Promise<{ text: string; log?: string } | undefined>;
}

/** A policy file name: no folder, no traversal. */
export const POLICY_FILE_PATTERN = /^[A-Za-z0-9][\w.-]{0,199}\.json$/;
