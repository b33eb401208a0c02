// `bitim analyze`: JSON Lines in, one result line per input line out, in order. Nothing else on stdout.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { getEngine } from '../../shared/analysis/engine.ts';

export async function analyzeCommand(input: string | undefined): Promise<number> {
  const engine = getEngine();
  const stream = input ? createReadStream(input, { encoding: 'utf8' }) : process.stdin;
  if (input) {
    await new Promise<void>((resolve, reject) => {
      (stream as NodeJS.ReadableStream).once('error', (err: NodeJS.ErrnoException) => reject(new Error(`cannot read ${input}: ${err.code ?? err.message}`)));
      (stream as NodeJS.ReadableStream).once('readable', () => resolve());
    });
  }
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let failed = 0;
  for await (const line of rl) {
    if (!line.trim()) continue;
    const out = engine.analyzeLine(line);
    if ('error' in out) failed++;
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await new Promise((r) => process.stdout.once('drain', r));
  }
  if (failed) process.stderr.write(`bitim analyze: ${failed} line(s) had errors (see their "error" field)\n`);
  return 0;
}
