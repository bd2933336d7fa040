// The operations of /openapi.json, route by route: every operation has an operationId and declares its errors.
import { JOB_STATUSES } from './job-store.js';
import { POLICY_FILE_PATTERN } from './training-runs.js';
import { DATA_SET_PATTERN } from './regime-data.js';
import {
  ref,
  json,
  error,
  INTERNAL,
  AUTH,
  BODY_ERRORS,
  READ_ERRORS,
  MUTATING_SECURITY,
  OPEN,
  idParam,
  REGIME_QUERY,
  type Json,
} from './openapi-parts.js';

export function openApiPaths(): Json {
  return {
    '/healthz': {
      get: {
        operationId: 'getHealth',
        tags: ['service'],
        summary: 'liveness, runtime and job counts',
        security: OPEN,
        responses: { 200: { description: 'healthy', content: json(ref('Health')) }, ...READ_ERRORS },
      },
    },
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        tags: ['service'],
        summary: 'this document',
        security: OPEN,
        responses: { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) }, ...READ_ERRORS },
      },
    },
    '/v1/strategies': {
      get: {
        operationId: 'listStrategies',
        tags: ['catalog'],
        summary: 'strategy types accepted in configs, with their JSON schemas',
        security: OPEN,
        responses: { 200: { description: 'strategy types', content: json(ref('StrategyList')) }, ...READ_ERRORS },
      },
    },
    '/v1/workloads': {
      get: {
        operationId: 'listWorkloads',
        tags: ['catalog'],
        summary: 'the canonical workloads',
        security: OPEN,
        responses: { 200: { description: 'workloads', content: json(ref('WorkloadList')) }, ...READ_ERRORS },
      },
    },
    '/v1/simulations': {
      post: {
        operationId: 'createSimulation',
        tags: ['simulations'],
        summary: 'a small synchronous run: a workload, or a market + schedule (an evaluate config)',
        security: MUTATING_SECURITY,
        requestBody: {
          required: true,
          content: json({ oneOf: [ref('WorkloadSimulation'), ref('EvaluationConfig')] }),
        },
        responses: { 200: { description: 'the statistics', content: json(ref('SimulationResult')) }, ...BODY_ERRORS },
      },
    },
    '/v1/evaluations': {
      post: {
        operationId: 'createEvaluation',
        tags: ['evaluations'],
        summary: 'start an evaluation job (the config of `flowexec evaluate`)',
        security: MUTATING_SECURITY,
        requestBody: { required: true, content: json(ref('EvaluationConfig')) },
        responses: {
          202: {
            description: 'accepted; Location names the job',
            headers: { location: { description: "the job's URL", schema: { type: 'string' } } },
            content: json(ref('Job')),
          },
          ...BODY_ERRORS,
          429: error('the job queue is full; see Retry-After'),
        },
      },
      get: {
        operationId: 'listEvaluations',
        tags: ['evaluations'],
        summary: 'jobs, newest first',
        security: OPEN,
        parameters: [
          {
            name: 'limit',
            in: 'query',
            description: 'page size',
            schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
          },
          { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
          {
            name: 'status',
            in: 'query',
            description: 'only jobs in this status',
            schema: { type: 'string', enum: [...JOB_STATUSES] },
          },
        ],
        responses: {
          200: { description: 'a page', content: json(ref('JobList')) },
          400: error('bad query parameter'),
          ...READ_ERRORS,
        },
      },
    },
    '/v1/evaluations/{id}': {
      get: {
        operationId: 'getEvaluation',
        tags: ['evaluations'],
        summary: 'status, progress and result',
        security: OPEN,
        parameters: [idParam],
        responses: {
          200: { description: 'the job', content: json(ref('Job')) },
          400: error('malformed id'),
          404: error('no such job'),
          ...READ_ERRORS,
        },
      },
      delete: {
        operationId: 'cancelEvaluation',
        tags: ['evaluations'],
        summary: 'cancel: stops the work; returns the job once stopped',
        security: MUTATING_SECURITY,
        parameters: [idParam],
        responses: {
          200: { description: 'the cancelled job', content: json(ref('Job')) },
          400: error('malformed id'),
          ...AUTH,
          404: error('no such job'),
          409: error('the job had already finished'),
          ...INTERNAL,
        },
      },
    },
    '/v1/evaluations/{id}/events': {
      get: {
        operationId: 'streamEvaluationEvents',
        tags: ['evaluations'],
        security: OPEN,
        summary: 'progress as Server-Sent Events: `progress` events, then one `done` event carrying the job',
        parameters: [idParam],
        responses: {
          200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
          400: error('malformed id'),
          404: error('no such job'),
          ...READ_ERRORS,
        },
      },
    },
    '/v1/ask': {
      post: {
        operationId: 'ask',
        tags: ['assistant'],
        summary:
          'the assistant: a question in words -> the structured request it was read as, a small evaluation, an answer with the numbers',
        security: MUTATING_SECURITY,
        requestBody: { required: true, content: json(ref('AskRequest')) },
        responses: {
          200: {
            description: 'the answer (a refusal with example questions when the question cannot be read)',
            content: json(ref('AskResponse')),
          },
          ...BODY_ERRORS,
        },
      },
    },
    '/v1/shards': {
      post: {
        operationId: 'runShard',
        tags: ['shards'],
        summary:
          'one shard of an evaluation or workload run, answered as chunk records to merge in order (what `flowexec evaluate --fan-out` sends)',
        security: MUTATING_SECURITY,
        requestBody: { required: true, content: json(ref('ShardRequest')) },
        responses: { 200: { description: 'the chunk records', content: json(ref('ShardResult')) }, ...BODY_ERRORS },
      },
    },
    '/v1/policies': {
      get: {
        operationId: 'listTrainingRuns',
        tags: ['training'],
        summary: 'saved training runs: the policy files of `flowexec serve --policies DIR`, newest first',
        security: OPEN,
        responses: { 200: { description: 'training runs', content: json(ref('TrainingRunList')) }, ...READ_ERRORS },
      },
    },
    '/v1/policies/{file}': {
      get: {
        operationId: 'getTrainingRun',
        tags: ['training'],
        summary:
          "a saved run's curves: PPO's mean return, losses, entropy and env-steps/s per iteration; flow matching's loss",
        security: OPEN,
        parameters: [
          {
            name: 'file',
            in: 'path',
            required: true,
            description: 'a policy file name from GET /v1/policies',
            schema: { type: 'string', pattern: POLICY_FILE_PATTERN.source },
          },
        ],
        responses: {
          200: { description: 'the run', content: json(ref('TrainingRun')) },
          400: error('malformed file name'),
          404: error('no such policy file'),
          ...READ_ERRORS,
        },
      },
    },
    '/v1/regimes': {
      get: {
        operationId: 'listDataSets',
        tags: ['regimes'],
        summary: 'the market data sets bundled with the server',
        security: OPEN,
        responses: { 200: { description: 'data sets', content: json(ref('DataSetList')) }, ...READ_ERRORS },
      },
      post: {
        operationId: 'mapRegimesOfCsv',
        tags: ['regimes'],
        summary: 'the regime map of an uploaded CSV of bars (Lean minute, daily, or generic OHLCV)',
        security: MUTATING_SECURITY,
        parameters: REGIME_QUERY,
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } } } },
        responses: {
          200: { description: 'the regime map', content: json(ref('RegimeMap')) },
          ...BODY_ERRORS,
          404: error('this server maps no regimes (an edge runtime; flowexec serve on Node does)'),
        },
      },
    },
    '/v1/regimes/{id}': {
      get: {
        operationId: 'getRegimeMap',
        tags: ['regimes'],
        summary: 'the regime map of a bundled data set: a label per window (5 days, or 30 minutes of minute bars)',
        security: OPEN,
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description: 'a data set id from GET /v1/regimes',
            schema: { type: 'string', pattern: DATA_SET_PATTERN.source },
          },
          ...REGIME_QUERY,
        ],
        responses: {
          200: { description: 'the regime map', content: json(ref('RegimeMap')) },
          400: error('malformed id or query parameter'),
          404: error('no such data set'),
          422: error('the data has no window of 3 or more bars'),
          ...READ_ERRORS,
        },
      },
    },
    '/v1/bench': {
      post: {
        operationId: 'runBench',
        tags: ['bench'],
        summary: 'microbenchmark of one kernel, in path-steps per second',
        security: MUTATING_SECURITY,
        requestBody: { required: true, content: json(ref('BenchRequest')) },
        responses: { 200: { description: 'timed runs', content: json(ref('BenchResult')) }, ...BODY_ERRORS },
      },
    },
  };
}
