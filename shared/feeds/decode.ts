// Bytes → text for feeds and article pages.
//
// Order (first match wins):
//   0. gzip magic 1f 8b: inflate (servers that gzip the file itself, without Content-Encoding)
//   1. BOM (UTF-8, UTF-16LE, UTF-16BE)                              source 'bom'
//   2. UTF-16 without BOM recognised from "<\0" / "\0<"              source 'sniff'
//   3. bytes that are valid UTF-8 (pure ASCII included)             source 'utf8'
//      — a feed declaring ISO-8859-1 but holding UTF-8 comes out right
//   4. charset from the HTTP Content-Type header                    source 'header'
//   5. encoding="…" from the XML prolog (or <meta charset> in HTML)  source 'prolog'
//   6. sniff among windows-1251, koi8-r, gb18030, windows-1252       source 'sniff'
// A declaration (4, 5) that names UTF-8 or an unknown charset is skipped (the bytes already
// failed UTF-8 validation), so the next step decides. ISO-8859-1 and US-ASCII labels are
// decoded as windows-1252 (its superset, as browsers do).
import { gunzipSync, constants as zc } from 'node:zlib';
import iconv from 'iconv-lite';

export type DecodeSource = 'bom' | 'utf8' | 'header' | 'prolog' | 'sniff';

export interface DecodedBody {
  text: string;
  encoding: string;
  source: DecodeSource;
}

export interface DecodeOptions {
  /** Cap for inflating a gzip-magic body (zip bombs). Default 50 MiB. */
  maxInflatedBytes?: number;
}

const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'utf-8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'cp1251': 'windows-1251',
  'win-1251': 'windows-1251',
  'win1251': 'windows-1251',
  'windows1251': 'windows-1251',
  'x-cp1251': 'windows-1251',
  'cp-1251': 'windows-1251',
  'koi8r': 'koi8-r',
  'koi8': 'koi8-r',
  'cskoi8r': 'koi8-r',
  'koi8u': 'koi8-u',
  'latin1': 'windows-1252',
  'latin-1': 'windows-1252',
  'l1': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'iso88591': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'cp1252': 'windows-1252',
  'win-1252': 'windows-1252',
  'gb2312': 'gb18030',
  'gbk': 'gb18030',
  'x-gbk': 'gb18030',
  'euc-cn': 'gb18030',
  'cp936': 'gb18030',
  'ucs-2': 'utf-16le',
  'utf16': 'utf-16le',
  'utf-16': 'utf-16le',
  'kz-1048': 'kz1048',
  'rk1048': 'kz1048',
  'strk1048-2002': 'kz1048',
};

/**
 * Canonical name for a charset label, or null when iconv-lite cannot decode it.
 * Never throws, whatever the label.
 */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (!l) return null;
  const name = ALIASES[l] ?? l;
  try {
    return iconv.encodingExists(name) ? name : null;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([^"';,\s]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** encoding="…" from <?xml …?>, or <meta charset> / http-equiv in the first 2 KiB of HTML. */
export function charsetFromProlog(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const xml = /<\?xml[^>]*?encoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml) return xml[1]!;
  const meta = /<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)/i.exec(head);
  return meta ? meta[1]! : null;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Buffer): boolean {
  try {
    utf8Fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(bytes: Buffer, encoding: string): string {
  return iconv.decode(bytes, encoding, { stripBOM: true });
}

function inflateGzip(bytes: Buffer, maxOutputLength: number): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw err;
    // Truncated gzip: keep what inflates.
    return gunzipSync(bytes, { maxOutputLength, finishFlush: zc.Z_SYNC_FLUSH });
  }
}

// Relative frequencies (per mille) of Russian lower-case letters in running text.
const RU_FREQ: Record<string, number> = {
  о: 110, е: 85, а: 80, и: 74, н: 67, т: 63, с: 55, р: 47, в: 45, л: 44, к: 35, м: 32, д: 30,
  п: 28, у: 26, я: 20, ы: 19, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 12, х: 10, ж: 9, ш: 7,
  ю: 6, ц: 5, щ: 4, э: 3, ф: 3, ъ: 1, ё: 1,
};

const isCyr = (c: string) => c >= '\u0400' && c <= '\u04ff';
const isCyrLower = (c: string) => c >= '\u0430' && c <= '\u045f';
const isAsciiLetter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

/**
 * Plausibility of a Cyrillic decoding, per high byte. Lower-case letters score by Russian letter
 * frequency; upper case only at a word start; letters glued to Latin letters (what Latin-1 text
 * looks like through a Cyrillic table) score nothing. KOI8-R and CP1251 swap the upper/lower
 * halves, so the wrong table yields mostly mid-word capitals and rare letters.
 */
function cyrillicScore(text: string, highBytes: number): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!isCyr(c)) continue;
    const prev = text[i - 1] ?? ' ';
    const next = text[i + 1] ?? ' ';
    if (isAsciiLetter(prev) || isAsciiLetter(next)) continue;
    if (isCyrLower(c)) {
      score += 0.4 + (RU_FREQ[c] ?? 5) / 110;
    } else if (!isCyr(prev)) {
      score += 0.5;
    }
  }
  return score / Math.max(1, highBytes);
}

/** Plausibility of a GB18030 decoding: common (GB2312 level-1) ideographs per two high bytes. */
function gbScore(bytes: Buffer, text: string, highBytes: number): number {
  let score = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd) score -= 2;
    else if (cp >= 0x4e00 && cp <= 0x9fff) {
      const enc = iconv.encode(ch, 'gb18030');
      const lead = enc[0]!;
      score += lead >= 0xb0 && lead <= 0xd7 ? 2 : 0.6;
    } else if (cp >= 0x3000 && cp <= 0x303f) score += 1.5;
    else if (cp >= 0xff00 && cp <= 0xffef) score += 1.5;
    else if (cp >= 0x80) score -= 1;
  }
  void bytes;
  return score / Math.max(1, highBytes);
}

/** Plausibility of a windows-1252 decoding: accented letters inside Latin words. */
function latinScore(text: string, highBytes: number): number {
  let score = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const cp = c.charCodeAt(0);
    if (cp < 0x80) continue;
    const letter = (cp >= 0xc0 && cp <= 0xff && cp !== 0xd7 && cp !== 0xf7) || /\p{L}/u.test(c);
    if (!letter) {
      score += /[\u00a0-\u00bf\u2013-\u2026\u20ac]/.test(c) ? 0.3 : 0;
      continue;
    }
    const near = isAsciiLetter(text[i - 1] ?? ' ') || isAsciiLetter(text[i + 1] ?? ' ');
    score += near ? 0.9 : 0.3;
  }
  return score / Math.max(1, highBytes);
}

export function sniffEncoding(bytes: Buffer): string {
  let high = 0;
  for (const b of bytes) if (b >= 0x80) high++;
  if (high === 0) return 'windows-1252';
  const cp1251 = cyrillicScore(decodeWith(bytes, 'windows-1251'), high);
  const koi8 = cyrillicScore(decodeWith(bytes, 'koi8-r'), high);
  const gb = gbScore(bytes, decodeWith(bytes, 'gb18030'), high);
  const latin = latinScore(decodeWith(bytes, 'windows-1252'), high);
  const ranked: Array<[string, number]> = [
    ['windows-1251', cp1251],
    ['koi8-r', koi8],
    ['gb18030', gb],
    ['windows-1252', latin],
  ];
  let best = ranked[0]!;
  for (const r of ranked) if (r[1] > best[1]) best = r;
  return best[0];
}

export function decodeBody(bytes: Buffer, contentTypeHeader: string | null, opts: DecodeOptions = {}): DecodedBody {
  let buf = bytes;
  if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
    buf = inflateGzip(buf, opts.maxInflatedBytes ?? 50 * 1024 * 1024);
  }
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', source: 'bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
    return { text: decodeWith(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', source: 'bom' };
  }
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
    return { text: decodeWith(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', source: 'bom' };
  }
  if (buf.length >= 4 && buf[0] === 0x3c && buf[1] === 0 && buf[2] !== 0 && buf[3] === 0) {
    return { text: decodeWith(buf, 'utf-16le'), encoding: 'utf-16le', source: 'sniff' };
  }
  if (buf.length >= 4 && buf[0] === 0 && buf[1] === 0x3c && buf[2] === 0 && buf[3] !== 0) {
    return { text: decodeWith(buf, 'utf-16be'), encoding: 'utf-16be', source: 'sniff' };
  }
  if (isValidUtf8(buf)) {
    return { text: buf.toString('utf8'), encoding: 'utf-8', source: 'utf8' };
  }
  const declared: Array<[string | null, DecodeSource]> = [
    [normaliseCharset(charsetFromContentType(contentTypeHeader)), 'header'],
    [normaliseCharset(charsetFromProlog(buf)), 'prolog'],
  ];
  for (const [enc, source] of declared) {
    if (enc && enc !== 'utf-8') return { text: decodeWith(buf, enc), encoding: enc, source };
  }
  const enc = sniffEncoding(buf);
  return { text: decodeWith(buf, enc), encoding: enc, source: 'sniff' };
}
