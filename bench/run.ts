// `npm run bench`: every benchmark, each beside a baseline measured in the same run.
// Prints a table and writes bench/results.json.
import { benchEngine } from './engine.ts';
import { benchIngest } from './ingest.ts';
import { report, writeResults, type BenchResult } from './lib.ts';

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);
const only = process.argv[2];
const results: BenchResult[] = [];
if (!only || only === 'engine') results.push(...(await benchEngine(log)));
if (!only || only === 'ingest') results.push(...(await benchIngest(log)));
report(results);
log(`results written to ${writeResults(results)}`);
process.exit(0);
