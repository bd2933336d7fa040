// /openapi.json, generated from the zod schemas that validate the requests (zod 4's toJSONSchema).
import { z, type ZodType } from 'zod';
import { evaluationConfigSchema } from '../eval/config.js';
import {
  workloadSimulationSchema,
  benchRequestSchema,
  errorSchema,
  jobSchema,
  jobListSchema,
  healthSchema,
  benchResponseSchema,
  simulationResponseSchema,
  shardRequestSchema,
  shardResultSchema,
} from './schemas.js';
import { limitVariable, type Limits } from './limits.js';
import { JOB_ID_PATTERN } from './job-id.js';
import { JOB_STATUSES } from './job-store.js';
import { askRequestSchema, askResponseSchema } from './ask-schema.js';
import { trainingRunListSchema, trainingRunSchema, POLICY_FILE_PATTERN } from './training-runs.js';
import { dataSetListSchema, regimeMapSchema, DATA_SET_PATTERN } from './regime-data.js';

type Json = Record<string, unknown>;

function schema(s: ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: Json) => ({ 'application/json': { schema: s } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const INTERNAL = { 500: error('internal error (logged on the server; the message never carries a stack trace)') };
const AUTH = { 401: error('missing or wrong bearer token (when the server sets FLOWEXEC_API_TOKEN)') };

const BODY_ERRORS = {
  400: error('malformed JSON, bad query parameter or id'),
  ...AUTH,
  413: error('body larger than maxBodyBytes'),
  415: error('content-type is not application/json'),
  422: error("a field is invalid, or the work exceeds this server's limit (code work_limit)"),
  503: error('the request did not finish within requestTimeoutMs'),
  ...INTERNAL,
};

/** A read-only route's errors: only another method on its path (405) or a server fault. */
const READ_ERRORS = {
  405: error('method not allowed on this path (the Allow header lists the allowed ones)'),
  ...INTERNAL,
};

/** Optional bearer: required on mutating routes only when the server sets FLOWEXEC_API_TOKEN. */
const MUTATING_SECURITY = [{ bearer: [] }, {}];
const OPEN = [] as const;

const idParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'job id (from POST /v1/evaluations)',
  schema: { type: 'string', pattern: JOB_ID_PATTERN.source },
};

const REGIME_QUERY = [
  {
    name: 'symbol',
    in: 'query',
    description: "the symbol to read (files of several symbols); default the data set's, or the file's only one",
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,16}$' },
  },
  {
    name: 'window',
    in: 'query',
    description: 'minutes (intraday bars) or bars (daily bars) per window; default 30 minutes or 5 days',
    schema: { type: 'integer', minimum: 2, maximum: 100000 },
  },
];

const listOf = (item: Json) => ({
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: item } },
});

export function openApiDocument(version: string, limits: Limits): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FlowExec API',
      version,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      description: `Monte Carlo evaluation of trade execution strategies. Limits of this server (environment variables): ${(
        Object.keys(limits) as Array<keyof Limits>
      )
        .map((k) => `${limitVariable(k)}=${limits[k]}`)
        .join(', ')}.`,
      'x-flowexec-limits': limits,
    },
    servers: [
      { url: '/', description: 'the server that served this document' },
      { url: 'http://127.0.0.1:8080', description: '`flowexec serve --port 8080` on this machine' },
    ],
    tags: [
      { name: 'service', description: 'health and this document' },
      { name: 'catalog', description: 'what configs may use' },
      { name: 'simulations', description: 'small synchronous runs' },
      { name: 'evaluations', description: 'evaluation jobs: start, follow, cancel' },
      { name: 'bench', description: 'kernel microbenchmarks' },
      { name: 'assistant', description: 'questions in words, answered with numbers' },
      { name: 'shards', description: 'one shard of a run, for a coordinator that spreads a run over instances' },
      { name: 'training', description: 'saved training runs (policy files) and their curves' },
      { name: 'regimes', description: 'regime maps of market data: HH/HL/LH/LL and the volatility x liquidity grid' },
    ],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'required on POST and DELETE when the server sets FLOWEXEC_API_TOKEN',
        },
      },
      schemas: {
        WorkloadSimulation: schema(workloadSimulationSchema, 'input'),
        EvaluationConfig: schema(evaluationConfigSchema, 'input'),
        BenchRequest: schema(benchRequestSchema, 'input'),
        Error: schema(errorSchema, 'output'),
        Job: schema(jobSchema, 'output'),
        JobList: schema(jobListSchema, 'output'),
        Health: schema(healthSchema, 'output'),
        BenchResult: schema(benchResponseSchema, 'output'),
        SimulationResult: schema(simulationResponseSchema, 'output'),
        AskRequest: schema(askRequestSchema, 'input'),
        AskResponse: schema(askResponseSchema, 'output'),
        ShardRequest: schema(shardRequestSchema, 'input'),
        ShardResult: schema(shardResultSchema, 'output'),
        TrainingRunList: schema(trainingRunListSchema, 'output'),
        TrainingRun: schema(trainingRunSchema, 'output'),
        DataSetList: schema(dataSetListSchema, 'output'),
        RegimeMap: schema(regimeMapSchema, 'output'),
        StrategyList: listOf({
          type: 'object',
          required: ['type', 'schema'],
          properties: { type: { type: 'string' }, schema: { type: 'object' } },
        }),
        WorkloadList: listOf({
          type: 'object',
          required: ['name', 'kind', 'description', 'paths', 'steps'],
          properties: {
            name: { type: 'string' },
            kind: { type: 'string', enum: ['paths', 'execution'] },
            description: { type: 'string' },
            paths: { type: 'integer' },
            steps: { type: 'integer' },
          },
        }),
      },
    },
    paths: {
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
    },
  };
}
