// Domain errors and the one error handler. Routes throw `AppError(code, status, message)`; everything
// the client sees is `{ error, message }`. 5xx details go to the log, never into the response.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', 404, `${what} not found`);
export const badRequest = (message: string) => new AppError('bad_request', 400, message);

/** Codes for the 4xx errors Fastify and its plugins raise themselves (bad JSON, body too large, 429 …). */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorHandler(err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.status >= 500) request.log.error({ err }, 'request failed');
    return reply.status(err.status).send({ error: err.code, message: err.message });
  }
  const fe = err as FastifyError;
  if (fe.validation) {
    // Ajv's message already names the part and field: "querystring/limit must be <= 200".
    return reply.status(400).send({ error: 'bad_request', message: fe.message });
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status >= 400 && status < 500) {
    return reply.status(status).send({ error: CODE_BY_STATUS[status] ?? 'bad_request', message: fe.message });
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: 'internal', message: 'Internal error' });
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return reply.status(404).send({ error: 'not_found', message: `Route ${request.method} ${request.url.split('?')[0]} not found` });
}
