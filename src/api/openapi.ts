// /openapi.json, generated from the zod schemas that validate the requests (zod 4's toJSONSchema).
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
import { askRequestSchema, askResponseSchema } from './ask-schema.js';
import { trainingRunListSchema, trainingRunSchema } from './training-runs.js';
import { dataSetListSchema, regimeMapSchema } from './regime-data.js';

import { openApiPaths } from './openapi-paths.js';
import { schema, listOf, type Json } from './openapi-parts.js';

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
    paths: openApiPaths(),
  };
}
