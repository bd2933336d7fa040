// /openapi.json, generated from the zod schemas that validate the requests (zod 4's toJSONSchema).
import { z, type ZodType } from 'zod';
import { evaluationConfigSchema } from '../eval/config.js';
import {
  workloadSimulationSchema, benchRequestSchema, errorSchema, jobSchema, jobListSchema, healthSchema,
  benchResponseSchema, simulationResponseSchema, shardRequestSchema, shardResultSchema,
} from './schemas.js';
import { limitVariable, type Limits } from './limits.js';
import { JOB_ID_PATTERN } from './job-id.js';
import { JOB_STATUSES } from './job-store.js';
import { askRequestSchema, askResponseSchema } from './ask-schema.js';

type Json = Record<string, unknown>;

function schema(s: ZodType, io: 'input' | 'output'): Json {
  const { $schema: _, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (s: Json) => ({ 'application/json': { schema: s } });
const error = (description: string) => ({ description, content: json(ref('Error')) });

const BODY_ERRORS = {
  400: error('malformed JSON, bad query parameter or id'),
  401: error('missing or wrong bearer token (when FLOWEXEC_API_TOKEN is set)'),
  413: error('body larger than maxBodyBytes'),
  415: error('content-type is not application/json'),
  422: error('a field is invalid, or the work exceeds this server\'s limit (code work_limit)'),
  503: error('the request did not finish within requestTimeoutMs'),
};

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: JOB_ID_PATTERN.source } };

export function openApiDocument(version: string, limits: Limits): Json {
  return {
    openapi: '3.1.0',
    info: {
      title: 'FlowExec API', version,
      description: `Monte Carlo evaluation of trade execution strategies. Limits of this server (environment variables): ${
        (Object.keys(limits) as Array<keyof Limits>).map((k) => `${limitVariable(k)}=${limits[k]}`).join(', ')}.`,
      'x-flowexec-limits': limits,
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'required on POST and DELETE when the server sets FLOWEXEC_API_TOKEN' } },
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
      },
    },
    paths: {
      '/healthz': { get: { summary: 'liveness, runtime and job counts', responses: { 200: { description: 'healthy', content: json(ref('Health')) } } } },
      '/openapi.json': { get: { summary: 'this document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/v1/strategies': { get: { summary: 'strategy types accepted in configs, with their JSON schemas', responses: { 200: { description: 'strategy types' } } } },
      '/v1/workloads': { get: { summary: 'the canonical workloads', responses: { 200: { description: 'workloads' } } } },
      '/v1/simulations': {
        post: {
          summary: 'a small synchronous run: a workload, or a market + schedule (an evaluate config)', security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: json({ oneOf: [ref('WorkloadSimulation'), ref('EvaluationConfig')] }) },
          responses: { 200: { description: 'the statistics', content: json(ref('SimulationResult')) }, ...BODY_ERRORS },
        },
      },
      '/v1/evaluations': {
        post: {
          summary: 'start an evaluation job (the config of `flowexec evaluate`)', security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: json(ref('EvaluationConfig')) },
          responses: { 202: { description: 'accepted; Location names the job', content: json(ref('Job')) }, ...BODY_ERRORS,
            429: error('the job queue is full; see Retry-After') },
        },
        get: {
          summary: 'jobs, newest first',
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' }, description: 'nextCursor of the previous page' },
            { name: 'status', in: 'query', schema: { type: 'string', enum: [...JOB_STATUSES] } },
          ],
          responses: { 200: { description: 'a page', content: json(ref('JobList')) }, 400: error('bad query parameter') },
        },
      },
      '/v1/evaluations/{id}': {
        get: { summary: 'status, progress and result', parameters: [idParam],
          responses: { 200: { description: 'the job', content: json(ref('Job')) }, 400: error('malformed id'), 404: error('no such job') } },
        delete: { summary: 'cancel: stops the work; returns the job once stopped', security: [{ bearer: [] }, {}], parameters: [idParam],
          responses: { 200: { description: 'the cancelled job', content: json(ref('Job')) }, 400: error('malformed id'),
            404: error('no such job'), 409: error('the job had already finished') } },
      },
      '/v1/evaluations/{id}/events': {
        get: { summary: 'progress as Server-Sent Events: `progress` events, then one `done` event carrying the job', parameters: [idParam],
          responses: { 200: { description: 'text/event-stream', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            400: error('malformed id'), 404: error('no such job') } },
      },
      '/v1/ask': {
        post: {
          summary: 'the assistant: a question in words -> the structured request it was read as, a small evaluation, an answer with the numbers',
          security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: json(ref('AskRequest')) },
          responses: { 200: { description: 'the answer (a refusal with example questions when the question cannot be read)', content: json(ref('AskResponse')) }, ...BODY_ERRORS },
        },
      },
      '/v1/shards': {
        post: {
          summary: 'one shard of an evaluation or workload run, answered as chunk records to merge in order (what `flowexec evaluate --fan-out` sends)',
          security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: json(ref('ShardRequest')) },
          responses: { 200: { description: 'the chunk records', content: json(ref('ShardResult')) }, ...BODY_ERRORS },
        },
      },
      '/v1/bench': {
        post: {
          summary: 'microbenchmark of one kernel, in path-steps per second', security: [{ bearer: [] }, {}],
          requestBody: { required: true, content: json(ref('BenchRequest')) },
          responses: { 200: { description: 'timed runs', content: json(ref('BenchResult')) }, ...BODY_ERRORS },
        },
      },
    },
  };
}
