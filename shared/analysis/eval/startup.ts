// Prints the engine's start-up time as JSON: importing the engine module (which loads and validates
// the lexicon files and the model for ENGINE_VERSION) plus createEngine() (lexicon compilation).
//   node --import tsx shared/analysis/eval/startup.ts
const t0 = performance.now();
const { createEngine, ENGINE_VERSION } = await import('../engine.ts');
const t1 = performance.now();
const engine = createEngine();
const t2 = performance.now();
engine.analyze({ id: 'warm-up', text: 'Ауылда төбелес болды.' });
const t3 = performance.now();
process.stdout.write(
  JSON.stringify({ version: ENGINE_VERSION, importMs: Math.round(t1 - t0), createMs: Math.round(t2 - t1), firstAnalyzeMs: Math.round(t3 - t2), totalMs: Math.round(t3 - t0) }) + '\n',
);
