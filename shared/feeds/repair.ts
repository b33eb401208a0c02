// Make damaged feed XML parseable by a strict parser without losing the good items.
//
// The document is re-tokenised (tags, text, CDATA, comments, PIs, doctype) and written out again
// with these fixes, each reported once in `warnings`:
//   - invalid XML control characters removed
//   - junk before the XML declaration / root element dropped (e.g. a comment before `<?xml`)
//   - bare `&` escaped; HTML named entities (&nbsp; &mdash; …) turned into numeric references;
//     references to characters XML forbids (&#0; …) dropped; a stray `<` in text escaped
//   - attributes re-quoted (unquoted or valueless attributes, `&`/`<` inside values, duplicates)
//   - mismatched end tags: open elements are closed implicitly; unmatched end tags dropped
//   - items illegally nested inside items flattened (`<item/>` inside an item dropped,
//     `<item>` inside an item closes the outer one first)
//   - a root with the Atom namespace on a prefix (`<a:feed xmlns:a=…>`) rewritten unprefixed;
//     an RDF root on an unusual prefix renamed `rdf:RDF`
//   - content after the root element dropped
//   - truncated documents (EOF inside a tag, CDATA, comment or element) cut back to the last
//     point outside any item/entry (i.e. after the last complete </item>/</entry>) and the
//     elements open there closed.
import { HTML_ENTITIES, isXmlChar } from './entities.ts';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
export const RDF_NS = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

export interface RepairResult {
  text: string;
  warnings: string[];
  /** Qualified name of the root element after repair, or null when there is none. */
  root: string | null;
  /** Attributes of the root element (after repair). */
  rootAttrs: Record<string, string>;
  truncated: boolean;
}

const ITEM_NAMES = new Set(['item', 'entry']);
/**
 * Elements whose content is (X)HTML for our purposes. Markup inside them (inline HTML in an RSS
 * description, Atom type="xhtml", even unclosed <br>) is turned into escaped text so that the
 * XML parser keeps it in document order and cannot trip over HTML that is not well-formed;
 * htmlToText() later strips it. CDATA inside them is unwrapped into escaped text for the same reason.
 */
const HTML_CONTAINERS = new Set(['description', 'content:encoded', 'summary', 'content', 'title', 'subtitle', 'dc:description']);

/** Find the `</name>` closing an HTML container, skipping CDATA and comments. -1 when absent. */
function findContainerClose(s: string, from: number, name: string): { start: number; end: number } {
  const re = new RegExp(`<!\\[CDATA\\[|<!--|</${name.replace(/[.:]/g, '\\$&')}\\s*>`, 'g');
  re.lastIndex = from;
  for (;;) {
    const m = re.exec(s);
    if (!m) return { start: -1, end: -1 };
    if (m[0] === '<![CDATA[') {
      const e = s.indexOf(']]>', re.lastIndex);
      if (e < 0) return { start: -1, end: -1 };
      re.lastIndex = e + 3;
    } else if (m[0] === '<!--') {
      const e = s.indexOf('-->', re.lastIndex);
      if (e < 0) return { start: -1, end: -1 };
      re.lastIndex = e + 3;
    } else {
      return { start: m.index, end: m.index + m[0].length };
    }
  }
}

const escapeRawText = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Inner content of an HTML container as XML character data (markup escaped, CDATA unwrapped). */
function containerText(inner: string): { text: string; changed: boolean } {
  if (!inner.includes('<')) {
    textChanged = false;
    const text = fixText(inner);
    return { text, changed: textChanged };
  }
  let out = '';
  let changed = false;
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->/g;
  let last = 0;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    textChanged = false;
    out += fixText(inner.slice(last, m.index)).replace(/</g, '&lt;');
    if (m[1] !== undefined) out += escapeRawText(m[1]);
    last = re.lastIndex;
  }
  textChanged = false;
  const tail = inner.slice(last);
  out += fixText(tail).replace(/</g, '&lt;');
  changed = textChanged;
  return { text: out, changed };
}
// Characters XML 1.0 forbids: C0 controls except tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NAME_START = /[A-Za-z_:\u00C0-\uFFFF]/;
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function escapeAttr(v: string): string {
  return fixText(v).replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

let textChanged = false;

/** Fix entity references and stray `&` in character data. Sets `textChanged` when altering. */
function fixText(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z_][\w.-]*;)?/g, (whole, ref: string | undefined) => {
    if (!ref) {
      textChanged = true;
      return '&amp;';
    }
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2, -1), 16) : parseInt(ref.slice(1, -1), 10);
      if (isXmlChar(cp)) return whole;
      textChanged = true;
      return '';
    }
    const name = ref.slice(0, -1);
    if (XML_ENTITIES.has(name)) return whole;
    textChanged = true;
    const cp = HTML_ENTITIES.get(name);
    return cp === undefined ? `&amp;${ref}` : `&#${cp};`;
  });
}

interface Tag {
  name: string;
  attrs: Array<[string, string]>;
  selfClosing: boolean;
  end: number;
  attrsChanged: boolean;
}

/** Parse a start tag at `pos` (pointing at '<'). Returns null when the input ends inside it. */
function readStartTag(s: string, pos: number): Tag | null {
  let i = pos + 1;
  const nameMatch = /^[^\s/>]+/.exec(s.slice(i, i + 256));
  if (!nameMatch) return null;
  const name = nameMatch[0];
  i += name.length;
  const attrs: Array<[string, string]> = [];
  let attrsChanged = false;
  const seen = new Set<string>();
  for (;;) {
    while (i < s.length && /\s/.test(s[i]!)) i++;
    if (i >= s.length) return null;
    const c = s[i]!;
    if (c === '>') return { name, attrs, selfClosing: false, end: i + 1, attrsChanged };
    if (c === '/' && s[i + 1] === '>') return { name, attrs, selfClosing: true, end: i + 2, attrsChanged };
    if (c === '/') {
      i++;
      attrsChanged = true;
      continue;
    }
    const an = /^[^\s=/>]+/.exec(s.slice(i, i + 256));
    if (!an) {
      i++;
      attrsChanged = true;
      continue;
    }
    const attrName = an[0];
    i += attrName.length;
    let j = i;
    while (j < s.length && /\s/.test(s[j]!)) j++;
    let value = '';
    if (s[j] === '=') {
      j++;
      while (j < s.length && /\s/.test(s[j]!)) j++;
      if (j >= s.length) return null;
      const q = s[j]!;
      if (q === '"' || q === "'") {
        const close = s.indexOf(q, j + 1);
        if (close < 0) return null;
        value = s.slice(j + 1, close);
        i = close + 1;
      } else {
        const m = /^[^\s>]*/.exec(s.slice(j))!;
        value = m[0];
        i = j + value.length;
        attrsChanged = true;
      }
    } else {
      value = attrName;
      attrsChanged = true;
    }
    const validName = /^[A-Za-z_:][\w.:-]*$/.test(attrName);
    if (!validName || seen.has(attrName)) {
      attrsChanged = true;
      continue;
    }
    seen.add(attrName);
    textChanged = false;
    const fixed = escapeAttr(value);
    if (textChanged || /[<"]/.test(value)) attrsChanged = true;
    attrs.push([attrName, fixed]);
  }
}

function serialiseTag(name: string, attrs: Array<[string, string]>, selfClosing: boolean): string {
  let out = `<${name}`;
  for (const [k, v] of attrs) out += ` ${k}="${v}"`;
  return out + (selfClosing ? '/>' : '>');
}

function prefixOf(name: string): string | null {
  const i = name.indexOf(':');
  return i > 0 ? name.slice(0, i) : null;
}

function localOf(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 ? name.slice(i + 1) : name;
}

export function repairXml(input: string): RepairResult {
  const warnings = new Set<string>();
  let s = input.replace(/^\uFEFF/, '');
  const cleaned = s.replace(INVALID_CHARS, '');
  if (cleaned !== s) warnings.add('removed control characters invalid in XML');
  s = cleaned;

  const decl = s.indexOf('<?xml');
  if (decl > 0) {
    if (s.slice(0, decl).trim()) warnings.add('dropped content before the XML declaration');
    s = s.slice(decl);
  } else if (decl < 0) {
    const lt = s.indexOf('<');
    if (lt < 0) return { text: '', warnings: [...warnings], root: null, rootAttrs: {}, truncated: false };
    if (s.slice(0, lt).trim()) warnings.add('dropped junk before the root element');
    s = s.slice(lt);
  }

  const out: string[] = [];
  let outLen = 0;
  const emit = (t: string) => {
    out.push(t);
    outLen += t.length;
  };
  const stack: string[] = [];
  let itemDepth = 0; // number of item/entry elements on the stack
  let root: string | null = null;
  let rootAttrs: Record<string, string> = {};
  let rootClosed = false;
  let atomPrefix: string | null = null;
  let rdfPrefix: string | null = null;
  let truncated = false;
  let safe: { len: number; stack: string[] } = { len: 0, stack: [] };
  const markSafe = () => {
    if (itemDepth === 0 && root !== null) safe = { len: outLen, stack: stack.slice() };
  };
  const rename = (name: string): string => {
    const p = prefixOf(name);
    if (p !== null && p === atomPrefix) return localOf(name);
    if (p !== null && p === rdfPrefix && localOf(name) === 'RDF') return 'rdf:RDF';
    return name;
  };
  const pop = (): string => {
    const name = stack.pop()!;
    if (ITEM_NAMES.has(localOf(name))) itemDepth--;
    emit(`</${name}>`);
    if (stack.length === 0) rootClosed = true;
    return name;
  };

  let pos = 0;
  const n = s.length;
  outer: while (pos < n) {
    const lt = s.indexOf('<', pos);
    if (lt !== pos) {
      const end = lt < 0 ? n : lt;
      const raw = s.slice(pos, end);
      if (stack.length > 0) {
        textChanged = false;
        const fixed = fixText(raw);
        if (textChanged) warnings.add('escaped bare "&" / fixed entity references');
        emit(fixed);
        markSafe();
      } else if (raw.trim()) {
        if (rootClosed) {
          warnings.add('dropped content after the root element');
          break;
        }
        warnings.add('dropped junk before the root element');
      } else {
        emit(raw);
      }
      pos = end;
      continue;
    }
    // s[pos] === '<'
    const rest = (prefix: string, at: number) => s.startsWith(prefix, at);
    if (rest('<!--', pos)) {
      const end = s.indexOf('-->', pos + 4);
      if (end < 0) {
        truncated = true;
        break;
      }
      emit(s.slice(pos, end + 3));
      pos = end + 3;
      markSafe();
      continue;
    }
    if (rest('<![CDATA[', pos)) {
      const end = s.indexOf(']]>', pos + 9);
      if (end < 0) {
        truncated = true;
        warnings.add('truncated CDATA section');
        break;
      }
      if (stack.length > 0) emit(s.slice(pos, end + 3));
      pos = end + 3;
      markSafe();
      continue;
    }
    if (rest('<!', pos)) {
      // DOCTYPE (with an optional internal subset) or other declaration.
      let i = pos + 2;
      let depth = 0;
      for (; i < n; i++) {
        const c = s[i];
        if (c === '[') depth++;
        else if (c === ']') depth--;
        else if (c === '>' && depth <= 0) break;
      }
      if (i >= n) {
        truncated = true;
        break;
      }
      if (root === null) emit(s.slice(pos, i + 1));
      pos = i + 1;
      continue;
    }
    if (rest('<?', pos)) {
      const end = s.indexOf('?>', pos + 2);
      if (end < 0) {
        truncated = true;
        break;
      }
      if (/^<\?xml\s/.test(s.slice(pos, pos + 6)) && out.join('').trim() !== '') {
        // A second XML declaration later in the text is illegal.
        warnings.add('dropped a misplaced XML declaration');
      } else {
        emit(s.slice(pos, end + 2));
      }
      pos = end + 2;
      markSafe();
      continue;
    }
    if (rest('</', pos)) {
      const end = s.indexOf('>', pos + 2);
      if (end < 0) {
        truncated = true;
        break;
      }
      const name = rename(s.slice(pos + 2, end).trim());
      pos = end + 1;
      const idx = stack.lastIndexOf(name);
      if (idx < 0) {
        warnings.add('dropped unmatched end tags');
        continue;
      }
      if (idx < stack.length - 1) warnings.add('closed elements left open (mismatched end tags)');
      while (stack.length > idx) pop();
      markSafe();
      continue;
    }
    const next = s[pos + 1];
    if (next === undefined || !NAME_START.test(next)) {
      if (next === undefined) {
        truncated = true;
        break;
      }
      if (stack.length > 0) {
        emit('&lt;');
        warnings.add('escaped a stray "<" in text');
      }
      pos += 1;
      continue;
    }
    const tag = readStartTag(s, pos);
    if (!tag) {
      truncated = true;
      break;
    }
    const tagStart = pos;
    pos = tag.end;
    if (tag.attrsChanged) warnings.add('re-quoted malformed attributes');
    if (rootClosed) {
      warnings.add('dropped content after the root element');
      break outer;
    }
    let name = tag.name;
    let attrs = tag.attrs;
    if (root === null) {
      const p = prefixOf(name);
      const nsOf = (prefix: string) => attrs.find(([k]) => k === `xmlns:${prefix}`)?.[1];
      if (p !== null && localOf(name) === 'feed' && nsOf(p) === ATOM_NS) {
        atomPrefix = p;
        attrs = attrs.filter(([k]) => k !== `xmlns:${p}` && k !== 'xmlns');
        attrs.unshift(['xmlns', ATOM_NS]);
        warnings.add(`normalised prefixed Atom ("${p}:") to the default namespace`);
      } else if (p !== null && p !== 'rdf' && localOf(name) === 'RDF' && nsOf(p) === RDF_NS) {
        rdfPrefix = p;
        attrs = [...attrs, ['xmlns:rdf', RDF_NS]];
        warnings.add(`renamed RDF root "${name}" to rdf:RDF`);
      }
      name = rename(name);
      root = name;
      rootAttrs = Object.fromEntries(attrs);
    } else {
      name = rename(name);
    }
    const isItem = ITEM_NAMES.has(localOf(name));
    if (isItem && stack.includes(name)) {
      warnings.add('flattened items illegally nested in items');
      if (tag.selfClosing) continue;
      const idx = stack.lastIndexOf(name);
      while (stack.length > idx) pop();
    }
    const changed = tag.attrsChanged || name !== tag.name || attrs !== tag.attrs;
    emit(changed ? serialiseTag(name, attrs, tag.selfClosing) : s.slice(tagStart, tag.end));
    if (!tag.selfClosing && HTML_CONTAINERS.has(name)) {
      const close = findContainerClose(s, pos, tag.name);
      if (close.start < 0) {
        truncated = true;
        break;
      }
      const inner = containerText(s.slice(pos, close.start));
      if (inner.changed) warnings.add('escaped bare "&" / fixed entity references');
      emit(inner.text);
      emit(`</${name}>`);
      pos = close.end;
      markSafe();
      continue;
    }
    if (!tag.selfClosing) {
      stack.push(name);
      if (isItem) itemDepth++;
    } else if (stack.length === 0) {
      rootClosed = true;
    }
    markSafe();
  }

  let text = out.join('');
  if (stack.length > 0) {
    if (truncated) warnings.add('document truncated: cut after the last complete item and closed open elements');
    else warnings.add('document ended with unclosed elements: closed them');
    truncated = true;
    text = text.slice(0, safe.len) + safe.stack.slice().reverse().map((t) => `</${t}>`).join('');
  } else if (truncated) {
    warnings.add('document truncated after the root element');
  }
  return { text, warnings: [...warnings], root, rootAttrs, truncated };
}
