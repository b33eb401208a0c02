import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, normaliseCharset, sniffEncoding } from './decode.ts';

const RU = 'Жители Жанаозена собрались на площади и потребовали встречи с акимом области. Полиция наблюдает за порядком.';

describe('decodeBody', () => {
  it('BOMs', () => {
    expect(decodeBody(Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('<a>й</a>')]), null)).toEqual({ text: '<a>й</a>', encoding: 'utf-8', source: 'bom' });
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('<a>й</a>', 'utf-16le')]);
    expect(decodeBody(le, null)).toMatchObject({ text: '<a>й</a>', source: 'bom', encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('<a>й</a>', 'utf-16be')]);
    expect(decodeBody(be, null)).toMatchObject({ text: '<a>й</a>', source: 'bom', encoding: 'utf-16be' });
  });

  it('valid UTF-8 wins over a wrong ISO-8859-1 declaration', () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><t>© Ünïcode</t>');
    const d = decodeBody(bytes, 'text/xml; charset=iso-8859-1');
    expect(d.source).toBe('utf8');
    expect(d.text).toContain('© Ünïcode');
  });

  it('HTTP charset beats the prolog', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="koi8-r"?><t>'), iconv.encode(RU, 'windows-1251'), Buffer.from('</t>')]);
    const d = decodeBody(bytes, 'application/rss+xml; charset="windows-1251"');
    expect(d).toMatchObject({ source: 'header', encoding: 'windows-1251' });
    expect(d.text).toContain(RU);
  });

  it('prolog when there is no header; aliases; unknown names do not crash', () => {
    const bytes = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="cp1251"?><t>'), iconv.encode(RU, 'windows-1251'), Buffer.from('</t>')]);
    expect(decodeBody(bytes, null)).toMatchObject({ source: 'prolog', encoding: 'windows-1251' });
    expect(decodeBody(bytes, 'text/xml; charset=x-no-such-charset').text).toContain(RU);
    expect(decodeBody(bytes, 'text/xml; charset=').text).toContain(RU);
  });

  it('sniffs koi8-r vs windows-1251 without any declaration', () => {
    const k = decodeBody(iconv.encode(`<t>${RU}</t>`, 'koi8-r'), null);
    expect(k).toMatchObject({ source: 'sniff', encoding: 'koi8-r' });
    expect(k.text).toContain(RU);
    const w = decodeBody(iconv.encode(`<t>${RU}</t>`, 'windows-1251'), null);
    expect(w).toMatchObject({ source: 'sniff', encoding: 'windows-1251' });
    expect(w.text).toContain(RU);
  });

  it('sniffs Latin-1 and GB18030', () => {
    expect(sniffEncoding(iconv.encode('Notícias de Portugal: a câmara municipal aprovou', 'latin1'))).toBe('windows-1252');
    expect(sniffEncoding(iconv.encode('中华人民共和国成立了新的工作组', 'gb18030'))).toBe('gb18030');
  });

  it('inflates gzip magic even without Content-Encoding, then decodes', () => {
    const d = decodeBody(gzipSync(Buffer.from('<rss><channel><title>Казахстан</title></channel></rss>')), null);
    expect(d.text).toContain('Казахстан');
  });

  it('normaliseCharset', () => {
    expect(normaliseCharset('CP1251')).toBe('windows-1251');
    expect(normaliseCharset('win-1251')).toBe('windows-1251');
    expect(normaliseCharset('latin1')).toBe('windows-1252');
    expect(normaliseCharset('"KOI8-R"')).toBe('koi8-r');
    expect(normaliseCharset('bogus-123')).toBeNull();
    expect(normaliseCharset(null)).toBeNull();
  });
});
