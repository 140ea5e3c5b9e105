import { z } from 'zod';
import { ChangeErrorSchema, ChangeRecordSchema, ImportSummarySchema, JsonValueSchema, PullPageSchema, PulledChangeSchema, PushBatchSchema, SyncConflictSchema } from '../shared/sync/schema';
import { CreateTeamSchema, CreateUserSchema, LoginSchema } from './features/accounts/routes';
import { EnrollSchema } from './features/devices/routes';
import { ReferenceListSchema } from './features/reference/reference';

/**
 * The OpenAPI 3.1 document served at /api/v1/openapi.json. Paths are written by hand;
 * request and response bodies are generated from the same zod schemas the handlers
 * parse with, so they cannot drift. A test checks that every route is documented.
 */
const COMPONENTS = {
  JsonValue: JsonValueSchema,
  ChangeRecord: ChangeRecordSchema,
  PulledChange: PulledChangeSchema,
  PushBatch: PushBatchSchema,
  ImportSummary: ImportSummarySchema,
  SyncConflict: SyncConflictSchema,
  ChangeError: ChangeErrorSchema,
  PullPage: PullPageSchema,
  Login: LoginSchema,
  CreateTeam: CreateTeamSchema,
  CreateUser: CreateUserSchema,
  Enroll: EnrollSchema,
  ReferenceList: ReferenceListSchema,
};

function componentSchemas(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(COMPONENTS)) registry.add(schema as z.ZodType, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any', io: 'input' });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ content: { 'application/json': { schema } } });
const ok = (description: string, schema: unknown = { type: 'object' }) => ({ description, ...json(schema) });
const body = (name: string) => ({ required: true, ...json(ref(name)) });
const errorsFor = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [String(status), { description: ERROR_TEXT[status] ?? 'Error', ...json(ref('Error')) }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed or invalid request (E_BAD_REQUEST, E_VALIDATION, …)',
  401: 'Missing, unknown, expired or revoked token (E_UNAUTHORIZED)',
  403: 'Role or team does not allow this (E_FORBIDDEN, …)',
  404: 'Not found',
  409: 'Conflicts with stored state (E_SYNC_SEQ_GAP, E_SYNC_BATCH_MISMATCH, …)',
  413: 'Body too large (E_PAYLOAD_TOO_LARGE)',
  415: 'Body is not application/json',
  422: 'Clock too far ahead (E_CLOCK_SKEW)',
  429: 'Rate limited (E_RATE_LIMITED); see Retry-After',
};
const authed = { security: [{ bearer: [] }] };
const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

const PATHS = {
  '/api/v1/health': { get: { summary: 'Liveness and database readiness', responses: { 200: ok('Healthy'), 503: ok('Database unavailable') } } },
  '/api/v1/openapi.json': { get: { summary: 'This document', responses: { 200: ok('OpenAPI 3.1') } } },
  '/api/v1/auth/login': { post: { summary: 'Sign in with username and password; returns a session token (12 h)', requestBody: body('Login'), responses: { 200: ok('Session token'), ...errorsFor(400, 401, 429) } } },
  '/api/v1/auth/logout': { post: { summary: 'Revoke the calling token', ...authed, responses: { 204: { description: 'Revoked' }, ...errorsFor(401) } } },
  '/api/v1/me': { get: { summary: 'The calling user and device', ...authed, responses: { 200: ok('Identity'), ...errorsFor(401) } } },
  '/api/v1/teams': {
    get: { summary: 'Teams (admin: all; others: their own)', ...authed, responses: { 200: ok('Teams'), ...errorsFor(401) } },
    post: { summary: 'Create a team (admin)', ...authed, requestBody: body('CreateTeam'), responses: { 201: ok('Created'), ...errorsFor(400, 401, 403, 409) } },
  },
  '/api/v1/users': {
    get: { summary: 'Users (admin: all; lead: their team)', ...authed, responses: { 200: ok('Users'), ...errorsFor(401, 403) } },
    post: { summary: 'Create a user with a role and team (admin)', ...authed, requestBody: body('CreateUser'), responses: { 201: ok('Created'), ...errorsFor(400, 401, 403, 404, 409) } },
  },
  '/api/v1/users/{userId}/enrollment-codes': {
    post: { summary: 'Issue a one-time enrollment code for a user (admin); expires in 7 days', ...authed, parameters: [pathParam('userId')], responses: { 201: ok('Code, shown once'), ...errorsFor(401, 403, 404) } },
  },
  '/api/v1/devices/enroll': {
    post: { summary: 'Enroll a device with a one-time code and its Ed25519 public key; returns the device token', requestBody: body('Enroll'), responses: { 201: ok('Device id and token'), ...errorsFor(400, 409, 429) } },
  },
  '/api/v1/devices': { get: { summary: 'Devices (admin: all; lead: their team), with public keys', ...authed, responses: { 200: ok('Devices'), ...errorsFor(401, 403) } } },
  '/api/v1/devices/{deviceId}/revoke': {
    post: { summary: 'Revoke a device and its tokens (admin)', ...authed, parameters: [pathParam('deviceId')], responses: { 200: ok('Revoked'), ...errorsFor(401, 403, 404) } },
  },
  '/api/v1/sync/push': {
    post: {
      summary: 'Push a batch of changes (device token); applied once, in one transaction',
      ...authed,
      requestBody: body('PushBatch'),
      responses: { 200: ok('Import summary (the same bytes again for a repeated batch)', ref('ImportSummary')), ...errorsFor(400, 401, 403, 409, 413, 415, 422, 429) },
    },
  },
  '/api/v1/sync/pull': {
    get: {
      summary: 'Pull a page of changes after a server cursor, scoped to the caller’s team (admin: all)',
      ...authed,
      parameters: [
        { name: 'cursor', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 5000, default: 1000 } },
      ],
      responses: { 200: ok('A page', ref('PullPage')), ...errorsFor(400, 401, 429) },
    },
  },
  '/api/v1/reference/{kind}': {
    get: { summary: 'Current reference list (industry, park)', ...authed, parameters: [pathParam('kind')], responses: { 200: ok('List'), ...errorsFor(400, 401) } },
    put: { summary: 'Save the next version of a reference list (admin)', ...authed, parameters: [pathParam('kind')], requestBody: body('ReferenceList'), responses: { 200: ok('Saved'), ...errorsFor(400, 401, 403, 409) } },
  },
};

let cached: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
  cached ??= {
    openapi: '3.1.0',
    info: { title: '黔招通 provincial platform API', version: '1', description: 'Sync, accounts and devices. See docs/sync-protocol.md and docs/platform.md.' },
    paths: PATHS,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A device token (qzd_…) or a session token (qzs_…)' } },
      schemas: {
        ...componentSchemas(),
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } }, additionalProperties: true } },
        },
      },
    },
  };
  return cached;
}
