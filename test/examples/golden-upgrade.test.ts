/**
 * Upgrade safety: `cdk-ecs-kit check --baseline` from the example apps' pinned
 * templates (test/golden/example-app/, written by scripts/update-golden.ts) to
 * today's synth. A change that replaces an ECS service, cluster, capacity
 * provider or ECR repository (ECS-RP-01) fails unless CHANGELOG.md lists the
 * resource's logical id or construct path under `## Unreleased`, so users learn
 * of it before they upgrade. Other drift passes with a hint to refresh the golden.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { driftedStacks, GOLDEN_DIR, readGoldenStacks, synthExampleApps, UPDATE_GOLDEN_COMMAND } from '../../scripts/golden-app';
import { main } from '../../src/cli/main';

const ROOT = path.join(__dirname, '..', '..');
const GOLDEN = path.join(ROOT, GOLDEN_DIR);
const CHANGELOG = path.join(ROOT, 'CHANGELOG.md');

interface JsonFinding {
  readonly ruleId: string;
  readonly stack: string;
  readonly logicalId?: string;
  readonly path: string;
  readonly message: string;
}

/** `check --baseline BASELINE PATHS --format json`: the exit code and the ECS-RP-01 findings, open or acknowledged. */
function replacements(baseline: string, paths: readonly string[]): { code: number; findings: JsonFinding[]; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = main(['check', '--baseline', baseline, ...paths, '--format', 'json'], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
  if (code === 2) return { code, findings: [], stderr };
  const report = JSON.parse(stdout) as { findings: JsonFinding[]; acknowledged: JsonFinding[] };
  return { code, stderr, findings: [...report.findings, ...report.acknowledged].filter((f) => f.ruleId === 'ECS-RP-01') };
}

/** The text under the `## Unreleased` heading (up to the next `## ` heading), or '' without one. */
function unreleasedSection(changelog: string): string {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => /^##\s+\[?unreleased\]?\s*$/i.test(l.trim()));
  if (start < 0) return '';
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** Replacements the changelog's Unreleased section does not mention by logical id or path. */
function unannounced(findings: readonly JsonFinding[], changelog: string): JsonFinding[] {
  const section = unreleasedSection(changelog);
  return findings.filter((f) => !(f.logicalId && section.includes(f.logicalId)) && !section.includes(f.path));
}

function listFindings(findings: readonly JsonFinding[]): string {
  return findings.map((f) => `${f.stack}/${f.logicalId ?? '?'} (${f.path}): ${f.message}`).join('\n');
}

/** A copy of the golden assembly with one logical id renamed in one stack's template. */
function goldenWithRenamedId(stack: string, from: string, to: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-kit-golden-renamed-'));
  for (const f of fs.readdirSync(GOLDEN)) {
    let text = fs.readFileSync(path.join(GOLDEN, f), 'utf8');
    if (f === `${stack}.template.json`) text = text.split(`"${from}"`).join(`"${to}"`);
    fs.writeFileSync(path.join(dir, f), text);
  }
  return dir;
}

describe('upgrade from the pinned example templates', () => {
  const today = synthExampleApps();

  test('no replacement of an ECS service, cluster, capacity provider or ECR repository that CHANGELOG.md does not announce', () => {
    // GIVEN the golden templates and today's synth of the same apps
    const changelog = fs.existsSync(CHANGELOG) ? fs.readFileSync(CHANGELOG, 'utf8') : '';

    // WHEN the CLI compares them
    const { code, findings, stderr } = replacements(GOLDEN, today.outdirs);

    // THEN the CLI read both (its only words on stderr are notes: the standard the app applied), and every replacement is in the changelog
    expect(stderr.split('\n').filter((line) => line && !line.startsWith('cdk-ecs-kit: note: '))).toEqual([]);
    expect(code).not.toBe(2);
    const missing = unannounced(findings, changelog);
    if (missing.length > 0) {
      throw new Error('These changes replace resources of deployed apps and CHANGELOG.md does not list them under "## Unreleased" '
        + `(by logical id or construct path):\n${listFindings(missing)}\nAvoid the replacement, or announce it in CHANGELOG.md.`);
    }
    // Other drift is fine; the golden should follow it at the next release.
    const drift = driftedStacks(readGoldenStacks(GOLDEN), today.stacks);
    if (drift.length > 0) {
      process.stdout.write(`Hint: the example templates differ from ${GOLDEN_DIR} in ${drift.join(', ')} (no unannounced replacement). `
        + `Refresh them with \`${UPDATE_GOLDEN_COMMAND}\` when the change is released.\n`);
    }
  });

  test('the golden directory is a cloud assembly the CLI reads: every pinned stack is compared', () => {
    const golden = readGoldenStacks(GOLDEN);
    expect(golden.map((s) => s.name).sort()).toEqual(today.stacks.map((s) => s.name).sort());
    expect(replacements(GOLDEN, [GOLDEN]).findings).toEqual([]);
  });

  test('GIVEN a baseline whose ECS service had another logical id THEN the gate fails until Unreleased names it', () => {
    // GIVEN the web service deployed under another logical id (same construct path)
    const services = readGoldenStacks(GOLDEN).find((s) => s.name === 'EcsKitServices')!;
    const id = Object.keys(services.template.Resources).find((k) => services.template.Resources[k].Metadata?.['aws:cdk:path'] === 'EcsKitServices/Web/Service/Service')!;
    expect(id).toBeDefined();
    const baseline = goldenWithRenamedId('EcsKitServices', id, 'WebServiceOldId');

    // WHEN (today's real drift from the golden, which the test above gates, is set aside)
    const key = (f: JsonFinding) => `${f.stack}/${f.logicalId} ${f.ruleId} ${f.message}`;
    const drift = new Set(replacements(GOLDEN, today.outdirs).findings.map(key));
    const findings = replacements(baseline, today.outdirs).findings.filter((f) => !drift.has(key(f)));

    // THEN one finding, announced only by an entry under Unreleased
    expect(findings.map((f) => `${f.stack}/${f.logicalId} ${f.path}`)).toEqual([`EcsKitServices/${id} EcsKitServices/Web/Service/Service`]);
    const header = '# Changelog\n\n';
    expect(unannounced(findings, `${header}## Unreleased\n\n- Nothing replaced.\n`)).toHaveLength(1);
    expect(unannounced(findings, `${header}## Unreleased\n\n- ${id} is replaced: drain it first.\n\n## 1.0.0\n\n- Initial.\n`)).toEqual([]);
    expect(unannounced(findings, `${header}## [Unreleased]\n\n- EcsKitServices/Web/Service/Service is replaced.\n`)).toEqual([]);
    // An entry under a released version does not announce an upcoming replacement.
    expect(unannounced(findings, `${header}## Unreleased\n\n## 1.0.0\n\n- ${id} was replaced.\n`)).toHaveLength(1);
  });
});
