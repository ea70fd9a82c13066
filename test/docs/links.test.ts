/**
 * Relative links in README.md, docs/*.md and examples' READMEs resolve: the
 * target file exists, ships in the package (not under a path .npmignore drops),
 * and a `#fragment` names a heading of the target Markdown file. The packaging
 * test checks the same links in the installed tarball; this one is fast.
 */
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');

/** Markdown files users read: the README, every guide, the examples' READMEs. */
function markdownFiles(): string[] {
  const walk = (dir: string): string[] => fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return walk(rel);
    return e.name.endsWith('.md') ? [rel] : [];
  });
  return ['README.md', ...walk('docs'), ...walk('examples')];
}

/** GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

function anchorsIn(file: string): Set<string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) => anchorOf(m[1])));
}

/** Links in the Markdown, outside code blocks and inline code. */
function linksIn(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/^\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]);
}

/** Top-level paths the package leaves out (the `/x/` and `x/` lines of .npmignore). */
function unpackaged(): string[] {
  return fs.readFileSync(path.join(ROOT, '.npmignore'), 'utf8').split('\n')
    .map((l) => l.trim()).filter((l) => /^\/?[\w.-]+\/$/.test(l)).map((l) => l.replace(/^\//, '').replace(/\/$/, ''));
}

export function deadLinks(files: string[]): string[] {
  const left = unpackaged();
  const dead: string[] = [];
  for (const file of files) {
    for (const link of linksIn(file)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(link)) continue; // https:, mailto:
      const [target, fragment] = link.split('#');
      const resolved = target === '' ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), target));
      if (!fs.existsSync(path.join(ROOT, resolved))) {
        dead.push(`${file} -> ${link}: no such file`);
        continue;
      }
      if (resolved.startsWith('..') || left.includes(resolved.split('/')[0])) dead.push(`${file} -> ${link}: not in the package`);
      if (fragment && resolved.endsWith('.md') && !anchorsIn(resolved).has(fragment)) dead.push(`${file} -> ${link}: no heading #${fragment}`);
    }
  }
  return dead;
}

test('every relative link and heading anchor in the README and the guides resolves inside the package', () => {
  const files = markdownFiles();
  expect(files).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/rules.md']));
  expect(deadLinks(files)).toEqual([]);
});

test('every guide in docs/ is linked from the docs index, and the README links the index', () => {
  const index = linksIn('docs/README.md').map((l) => l.split('#')[0]);
  const guides = fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && f !== 'README.md');
  expect(guides.filter((g) => !index.includes(g))).toEqual([]);
  expect(linksIn('README.md')).toContain('docs/README.md');
});

test('the link check reports missing files, unpackaged paths and unknown anchors', () => {
  const probe = path.join(ROOT, 'docs', '.links-probe.md');
  fs.writeFileSync(probe, '# Probe\n[a](nope.md) [b](../test/docs/links.test.ts) [c](rules.md#no-such-heading) [d](#probe) [e](https://x.y/z)\n');
  try {
    expect(deadLinks(['docs/.links-probe.md'])).toEqual([
      'docs/.links-probe.md -> nope.md: no such file',
      'docs/.links-probe.md -> ../test/docs/links.test.ts: not in the package',
      'docs/.links-probe.md -> rules.md#no-such-heading: no heading #no-such-heading',
    ]);
  } finally {
    fs.rmSync(probe);
  }
  expect(anchorOf('Checks on any template')).toBe('checks-on-any-template');
  expect(anchorOf('`EcsCluster` and `Ec2Capacity`')).toBe('ecscluster-and-ec2capacity');
});
