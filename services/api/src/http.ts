// HTTP plumbing shared by the routes: parsed inputs, validated outputs, one error mapping.
import { AuthError, verifyToken } from '@onco/auth';
import type { Logger } from '@onco/config/log';
import type { ErrorResponse } from '@onco/contract';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { z } from 'zod';

/** An error a client can act on: status, stable code, human message. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new HttpError(400, 'invalid_request', `Invalid ${where}.`, r.error.issues.map((i) => ({ path: [where, ...i.path].join('.'), message: i.message })));
  }
  return r.data;
}

export function authenticate(secret: string): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      return next(new HttpError(401, 'unauthenticated', 'A bearer token is required.'));
    }
    try {
      res.locals.principal = verifyToken(match[1]!, secret);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** Wraps an async handler so its rejection reaches the error middleware. */
export const route =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  (req, res, next) => {
    fn(req, res).catch(next);
  };

export function errorHandler(log: Logger['error']) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const body = (code: string, message: string, details?: ErrorResponse['error']['details']): ErrorResponse => ({
      error: { code, message, ...(details ? { details } : {}) },
    });
    if (err instanceof HttpError) {
      res.status(err.status).json(body(err.code, err.message, err.details));
    } else if (err instanceof AuthError) {
      res.status(err.code === 'unauthenticated' ? 401 : 403).json(body(err.code, err.message));
    } else if (typeof err === 'object' && err !== null && 'type' in err && (err as { type: string }).type === 'entity.parse.failed') {
      res.status(400).json(body('invalid_json', 'The request body is not valid JSON.'));
    } else {
      log('unhandled error', { error: err instanceof Error ? err.name : 'unknown' });
      res.status(500).json(body('internal_error', 'Something went wrong on our side.'));
    }
  };
}
