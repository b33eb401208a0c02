// Building blocks shared by the request/response schemas.
import { Type, type TSchema } from 'typebox';

/** 9-digit KATO code of an administrative unit. */
export const Kato = Type.String({ pattern: '^[0-9]{9}$', description: '9-digit KATO code', examples: ['751000000'] });

export const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const DateTime = Type.String({ format: 'date-time' });

export const ErrorResponse = Type.Object(
  {
    error: Type.String({ description: 'machine-readable code: bad_request, unauthorized, forbidden, not_found, conflict, rate_limited, internal …' }),
    message: Type.Optional(Type.String()),
  },
  { description: 'Every error has this shape' },
);

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: 2147483647 }) });

/** The error responses a protected route can give, for OpenAPI and serialisation. */
export const authErrors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
} as const;
