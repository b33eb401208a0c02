import { describe, expect, it } from 'vitest';
import { repairXml } from './repair.ts';

describe('repairXml', () => {
  it('escapes bare & but keeps entities, converts HTML entities, keeps CDATA untouched', () => {
    const r = repairXml('<rss><a>x=1&y=2 &amp; &#169; &nbsp;&mdash; &bogus;</a><b><![CDATA[a & b]]></b></rss>');
    expect(r.text).toContain('x=1&amp;y=2 &amp; &#169; &#160;&#8212; &amp;bogus;');
    expect(r.text).toContain('<![CDATA[a & b]]>');
    expect(r.warnings.length).toBe(1);
  });

  it('removes control characters invalid in XML', () => {
    const r = repairXml('<rss><t>a\u0001b\u000Bc\td</t></rss>');
    expect(r.text).toBe('<rss><t>abc\td</t></rss>');
    expect(r.warnings[0]).toMatch(/control/);
  });

  it('drops junk before <?xml and before the root', () => {
    expect(repairXml('<!-- c -->\n<?xml version="1.0"?><rss/>').text).toBe('<?xml version="1.0"?><rss/>');
    const r = repairXml('garbage text <rss></rss>');
    expect(r.text).toBe('<rss></rss>');
    expect(r.root).toBe('rss');
  });

  it('cuts a truncated document after the last complete item and closes open elements', () => {
    const r = repairXml('<rss><channel><item><title>a</title></item><item><title>b</ti');
    expect(r.text).toBe('<rss><channel><item><title>a</title></item></channel></rss>');
    expect(r.truncated).toBe(true);
    const c = repairXml('<rss><channel><title>t</title><item><title><![CD');
    expect(c.text).toBe('<rss><channel><title>t</title></channel></rss>');
  });

  it('flattens nested items', () => {
    const r = repairXml('<rss><channel><item><title>a</title><item /><x>1</x></item><item><title>b</title><item><title>c</title></item></item></channel></rss>');
    expect(r.text).toBe('<rss><channel><item><title>a</title><x>1</x></item><item><title>b</title></item><item><title>c</title></item></channel></rss>');
  });

  it('normalises a prefixed Atom feed', () => {
    const r = repairXml('<a:feed xmlns:a="http://www.w3.org/2005/Atom" xmlns="http://www.w3.org/1999/xhtml"><a:entry><a:id>1</a:id></a:entry></a:feed>');
    expect(r.root).toBe('feed');
    expect(r.text).toBe('<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id></entry></feed>');
  });

  it('turns markup inside HTML containers into text and fixes mismatched tags elsewhere', () => {
    const r = repairXml('<rss><item><description>a <b>bold<br> x</description><foo><bar></foo></item></rss>');
    expect(r.text).toBe('<rss><item><description>a &lt;b>bold&lt;br> x</description><foo><bar></bar></foo></item></rss>');
  });

  it('re-quotes attributes and drops content after the root', () => {
    const r = repairXml('<rss version=2.0 a="x&y"><c/></rss><html>junk</html>');
    expect(r.text).toBe('<rss version="2.0" a="x&amp;y"><c/></rss>');
    expect(r.rootAttrs.version).toBe('2.0');
  });

  it('leaves a clean document as it was', () => {
    const doc = '<?xml version="1.0"?>\n<rss version="2.0"><channel><title>T &amp; U</title></channel></rss>\n';
    const r = repairXml(doc);
    expect(r.text).toBe(doc);
    expect(r.warnings).toEqual([]);
  });
});
