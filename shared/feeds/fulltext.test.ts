import { describe, expect, it } from 'vitest';
import { extractMainText } from './fulltext.ts';

const para = (n: number) =>
  `<p>Абзац ${n}: в Шымкенте прошло собрание жителей микрорайона, которые обсудили с представителями акимата проблемы водоснабжения и ремонта дорог. Жители рассказали, что обращались в различные инстанции уже несколько месяцев.</p>`;

describe('extractMainText', () => {
  it('extracts the article body and drops navigation, scripts and comments', () => {
    const html = `<!doctype html><html><head><title>Собрание в Шымкенте | Новости</title><script>var x = 1;</script></head><body>
      <nav><a href="/">Главная</a> <a href="/politics">Политика</a></nav>
      <article><h1>Собрание в Шымкенте</h1>${[1, 2, 3, 4, 5].map(para).join('\n')}</article>
      <aside class="comments"><p>Комментарий: реклама!</p></aside>
      <footer>© 2024 Новости</footer></body></html>`;
    const r = extractMainText(html, 'https://news.example.kz/a/1');
    expect(r).not.toBeNull();
    expect(r!.title).toContain('Собрание в Шымкенте');
    expect(r!.text).toContain('Абзац 1: в Шымкенте прошло собрание');
    expect(r!.text).toContain('Абзац 5');
    expect(r!.text.split('\n').length).toBeGreaterThanOrEqual(5);
    expect(r!.text).not.toContain('var x');
    expect(r!.text).not.toContain('Главная');
  });

  it('returns null for empty or content-free pages', () => {
    expect(extractMainText('', 'https://x.kz/')).toBeNull();
    expect(extractMainText('<html><body><nav>menu</nav></body></html>', 'https://x.kz/')).toBeNull();
  });
});
