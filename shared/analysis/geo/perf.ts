// Load-time and throughput check: node --import tsx shared/analysis/geo/perf.ts
// Builds ~3 KB Russian articles from the tension dev texts (plus a place phrase) and geocodes them.
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

async function main(): Promise<void> {
  const t0 = performance.now();
  const m = await import('./index.ts');
  const t1 = performance.now();
  console.log(`module import incl. data load: ${(t1 - t0).toFixed(1)} ms (data load + index: ${m.GEO_LOAD_MS.toFixed(1)} ms)`);
  const src = '/work/shared/data/eval/tension-dev.jsonl';
  const texts = existsSync(src)
    ? readFileSync(src, 'utf8').split('\n').filter(Boolean).slice(0, 4000).map((l) => (JSON.parse(l) as { text: string }).text)
    : Array.from({ length: 400 }, (_, i) => `Новость номер ${i}: в Шымкенте и Алматы прошли собрания жителей, полиция сообщила о задержаниях.`);
  const arts: string[] = [];
  let buf = '';
  for (const t of texts) {
    buf += `${t} В Кордайском районе Жамбылской области, в селе Масанчи. `;
    if (buf.length >= 3000) {
      arts.push(buf.slice(0, 3000));
      buf = '';
    }
  }
  for (const a of arts.slice(0, 50)) m.geocode({ text: a, lang: 'ru' }); // warm-up
  const s = performance.now();
  let n = 0;
  for (let k = 0; k < 3; k++) for (const a of arts) {
    m.geocode({ text: a, lang: 'ru' });
    n++;
  }
  const sec = (performance.now() - s) / 1000;
  console.log(`${n} articles of 3 KB in ${sec.toFixed(2)} s: ${(n / sec).toFixed(0)} articles/s on one core`);
}
void main();
