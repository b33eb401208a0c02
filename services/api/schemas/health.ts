import { Type } from 'typebox';

const Check = Type.Union([Type.Literal('ok'), Type.Literal('error'), Type.Literal('timeout')]);

export const HealthResponse = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('error')]),
    database: Check,
    queue: Check,
    mode: Type.Union([Type.Literal('embedded'), Type.Literal('server')]),
    queueBackend: Type.Union([Type.Literal('redis'), Type.Literal('postgres')]),
    engineVersion: Type.Optional(Type.String()),
  },
);
