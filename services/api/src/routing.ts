// Routes are data: method, path, the schemas of what they accept and return, and a handler that
// receives parsed values. The same table mounts the Express routes and writes /openapi.json, so
// the published contract cannot drift from what the API does.
import type { Action } from '@onco/auth';
import { AuthError, authorize, POLICY } from '@onco/auth';
import { ErrorResponseSchema, type Principal } from '@onco/contract';
import express, { type Request, type RequestHandler, type Response, type Router } from 'express';
import { z } from 'zod';
import { HttpError, parse, route } from './http.js';

type AnyObject = z.ZodObject;

export interface HandlerInput<P extends AnyObject, Q extends AnyObject, B extends z.ZodType> {
  params: z.infer<P>;
  query: z.infer<Q>;
  body: z.infer<B>;
  principal: Principal;
  /** Throws 403 unless the caller may do the route's action on this patient's records. */
  authorizeFor(patientId: string): void;
  req: Request;
  res: Response;
}

export type Reply = { status: number; body: unknown; headers?: Record<string, string> };

export interface RouteDef<P extends AnyObject = AnyObject, Q extends AnyObject = AnyObject, B extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Express-style path below the API root, e.g. `/v1/patients/:patientId/profile`. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  /** What the caller must be allowed to do; null for public routes. */
  action: Action | null;
  params?: P;
  query?: Q;
  body?: B;
  /** A multipart upload with one file field; its bytes reach the handler as `req.file`. */
  upload?: { field: string; description: string };
  /** Middleware run before parsing (e.g. the multipart reader). */
  before?: RequestHandler[];
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
  handler: (input: HandlerInput<P, Q, B>) => Promise<Reply>;
}

/** Keeps each route's types while collecting them in one array. */
export const defineRoute = <P extends AnyObject = z.ZodObject<{}>, Q extends AnyObject = z.ZodObject<{}>, B extends z.ZodType = z.ZodUndefined>(
  def: RouteDef<P, Q, B>,
): RouteDef => def as unknown as RouteDef;

export function mountRoutes(router: Router, routes: RouteDef[], authenticate: RequestHandler): void {
  for (const def of routes) {
    const handlers: RequestHandler[] = [];
    if (def.action) {
      const action = def.action;
      handlers.push(authenticate, (_req, res, next) => {
        // The role check for every route; patient scoping is the handler's `authorizeFor`.
        const principal = res.locals.principal as Principal;
        next(POLICY[principal.role].includes(action) ? undefined : new AuthError('forbidden', `The ${principal.role} role may not ${action.replace(':', ' ')}.`));
      });
    }
    handlers.push(...(def.before ?? []));
    if (def.body) handlers.push(express.json({ limit: '100kb' }));
    handlers.push(
      route(async (req, res) => {
        const principal = res.locals.principal as Principal;
        const input = {
          params: parse(def.params ?? z.object({}), req.params, 'path'),
          query: parse(def.query ?? z.object({}), req.query, 'query'),
          body: def.body ? parse(def.body, req.body, 'body') : undefined,
          principal,
          authorizeFor: (patientId: string) => authorize(principal, def.action!, patientId),
          req,
          res,
        };
        const reply = await def.handler(input);
        const spec = def.responses[reply.status];
        if (!spec) throw new Error(`route ${def.method} ${def.path} answered an undeclared status ${reply.status}`);
        for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
        if (spec.contentType && !spec.contentType.endsWith('json')) {
          res.status(reply.status).type(spec.contentType).send(reply.body);
        } else {
          // The contract is checked on the way out as well as on the way in.
          if (spec.contentType) res.type(spec.contentType);
          res.status(reply.status).json(spec.schema ? spec.schema.parse(reply.body) : reply.body);
        }
      }),
    );
    router[def.method](def.path, ...handlers);
  }
}

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;

const ERRORS: Record<number, string> = {
  400: 'The request is invalid; `error.details` names the fields.',
  401: 'No valid bearer token.',
  403: 'The token may not do this (role, or another patient).',
  404: 'Not found, or not visible to this token.',
};

/** OpenAPI 3.1 document of the routes (JSON Schema 2020-12 is OpenAPI 3.1's own dialect). */
export function openApiDocument(routes: RouteDef[], info: { title: string; version: string; description: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = def.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const parameters = [
      ...Object.entries((def.params?.shape ?? {}) as Record<string, z.ZodType>).map(([name, s]) => ({
        name,
        in: 'path',
        required: true,
        schema: jsonSchema(s, 'input'),
      })),
      ...Object.entries((def.query?.shape ?? {}) as Record<string, z.ZodType>).map(([name, s]) => ({
        name,
        in: 'query',
        required: !s.safeParse(undefined).success,
        schema: jsonSchema(s, 'input'),
      })),
    ];
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(def.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema || spec.contentType
          ? { content: { [spec.contentType ?? 'application/json']: { schema: spec.schema ? jsonSchema(spec.schema, 'output') : { type: 'string' } } } }
          : {}),
      };
    }
    const errorCodes = def.action ? [400, 401, 403, 404] : [400, 404];
    for (const code of errorCodes) {
      responses[String(code)] ??= { description: ERRORS[code], content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const requestBody = def.upload
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: [def.upload.field],
                properties: { [def.upload.field]: { type: 'string', contentMediaType: 'application/octet-stream', description: def.upload.description } },
              },
            },
          },
        }
      : def.body
        ? { required: true, content: { 'application/json': { schema: jsonSchema(def.body, 'input') } } }
        : undefined;
    (paths[path] ??= {})[def.method] = {
      operationId: `${def.method}${def.path.replace(/\/:?([A-Za-z0-9]+)/g, (_m, s: string) => s[0]!.toUpperCase() + s.slice(1))}`,
      summary: def.summary,
      ...(def.description ? { description: def.description } : {}),
      tags: def.tags,
      ...(def.action ? { security: [{ bearer: [] }] } : { security: [] }),
      ...(parameters.length ? { parameters } : {}),
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: jsonSchema(ErrorResponseSchema, 'output') },
    },
  };
}

/** Rejects the request unless its id names a resource the caller can see (404, not 403: no probing). */
export function notVisible(what: string): HttpError {
  return new HttpError(404, `${what}_not_found`, `No such ${what}.`);
}
