// The engine's AnalysisResult (shared/analysis/types.ts) as a schema: the response of POST /v1/analyze
// and the parts of it that GET /v1/articles repeats.
import { Type, type Static } from 'typebox';
import { Kato, Nullable } from './common.ts';

export const Severity = Type.Enum(['none', 'quarrel', 'brawl', 'group_clash', 'pogrom', 'killing']);

export const Tension = Type.Object({
  score: Type.Number({ minimum: 0, maximum: 1 }),
  label: Type.Union([Type.Literal(0), Type.Literal(1)]),
  severity: Severity,
});

export const Evidence = Type.Object({
  type: Type.Enum([
    'group',
    'violence',
    'hostility',
    'mobilisation',
    'rumour',
    'grievance',
    'peace',
    'negation',
    'denial',
    'historical',
    'accident',
    'quote',
    'foreign',
    'classifier',
  ]),
  text: Type.String(),
  sentence: Type.Integer({ description: '0-based sentence index; the title, when given, is sentence 0' }),
  weight: Type.Number({ description: 'signed contribution to the risk' }),
});

export const Place = Type.Object({
  kato: Type.String({ description: '9-digit KATO code, or foreign:XX' }),
  name: Type.String(),
  level: Type.Enum(['region', 'city_republican', 'district', 'city_regional', 'city_district', 'settlement', 'foreign']),
  confidence: Type.Number(),
});

export const UnitRef = Type.Object({ kato: Type.String(), name: Type.String() });

export const LangCode = Type.Enum(['kk', 'ru', 'en', 'other']);

export const AnalysisResult = Type.Object({
  id: Type.String(),
  lang: LangCode,
  tension: Tension,
  evidence: Type.Array(Evidence),
  places: Type.Array(Place),
  district: Nullable(UnitRef),
  region: Nullable(UnitRef),
});

export const AnalyzeBody = Type.Object(
  {
    id: Type.String({ minLength: 1, maxLength: 200, description: 'caller-chosen id, echoed in the result' }),
    text: Type.String({ minLength: 1, maxLength: 200_000, pattern: '\\S', description: 'article text, at most 200 000 characters' }),
    title: Type.Optional(Type.String({ maxLength: 2000 })),
    lang: Type.Optional(Type.Enum(['kk', 'ru', 'en'])),
    feedRegion: Type.Optional(Kato),
  },
  { additionalProperties: false },
);
export type AnalyzeBodyT = Static<typeof AnalyzeBody>;
