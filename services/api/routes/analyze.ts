// Run the engine on a text sent by the caller; nothing is stored.
import { getEngine } from '../../../shared/analysis/engine.ts';
import type { AnalyzeInput } from '../../../shared/analysis/types.ts';
import { AnalysisResult, AnalyzeBody } from '../schemas/analysis.ts';
import { authErrors, ErrorResponse } from '../schemas/common.ts';
import type { ApiDeps, ApiInstance } from '../types.ts';

// 200 000 characters of Cyrillic are ~400 kB as UTF-8 and up to 1.2 MB if sent \u-escaped.
const BODY_LIMIT = 2 * 1024 * 1024;

export default async function analyzeRoutes(app: ApiInstance, _deps: ApiDeps) {
  app.post(
    '/v1/analyze',
    {
      config: { role: 'analyst' },
      bodyLimit: BODY_LIMIT,
      schema: {
        tags: ['analysis'],
        summary: 'Analyse one text: tension score, evidence, places, district',
        description: 'The same AnalysisResult the score worker stores and `bitim analyze` prints. Runs synchronously; nothing is stored.',
        body: AnalyzeBody,
        response: { 200: AnalysisResult, ...authErrors, 413: ErrorResponse },
      },
    },
    async (request) => {
      const b = request.body;
      const input: AnalyzeInput = {
        id: b.id,
        text: b.text,
        ...(b.title !== undefined ? { title: b.title } : {}),
        ...(b.lang !== undefined ? { lang: b.lang } : {}),
        ...(b.feedRegion !== undefined ? { feedRegion: b.feedRegion } : {}),
      };
      return getEngine().analyze(input);
    },
  );
}
