// Node 20 is the target machine: every installed package must accept it, or `npm ci` warns and the
// package may use APIs Node 20 lacks (cookie 2 and content-disposition 3 did; package.json overrides them).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');

function enginesOf(dir: string, out: Array<{ name: string; range: string }>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith('@')) { enginesOf(path, out); continue; }
    const manifest = join(path, 'package.json');
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: string } };
      if (pkg.engines?.node) out.push({ name: `${pkg.name}@${pkg.version}`, range: pkg.engines.node });
    }
    const nested = join(path, 'node_modules');
    if (existsSync(nested)) enginesOf(nested, out);
  }
}

describe('installed packages', () => {
  it('all accept Node 20, the version in engines.node', () => {
    const ours = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    const floor = semver.minVersion(ours.engines.node)!.major;
    const found: Array<{ name: string; range: string }> = [];
    enginesOf(join(root, 'node_modules'), found);
    expect(found.length).toBeGreaterThan(20);
    // Any Node 20 release from 20.19 on (the machines run 20.20): ranges like ^20.19 || >=22 are fine.
    const node20 = `${floor}.20.0`;
    const refused = found.filter((p) => !semver.satisfies(node20, p.range)).map((p) => `${p.name} needs node ${p.range}`);
    expect(refused).toEqual([]);
  });
});
