import * as path from 'path';
import { formatSarif, toUri } from '../../src/cli/sarif';
import { ALL_RULES } from '../../src/rules/index';

describe('SARIF artifact URIs', () => {
  const cwd = path.resolve('/repo');

  test('a file under the working directory is a relative URI, as code scanning maps it to the checkout', () => {
    expect(toUri('cdk.out/Api.template.json', cwd)).toBe('cdk.out/Api.template.json');
    expect(toUri('/repo/templates/api.yaml', cwd)).toBe('templates/api.yaml');
  });

  test('a file outside it is an absolute file: URI, not a bare path', () => {
    expect(toUri('/elsewhere/api.yaml', cwd)).toBe('file:///elsewhere/api.yaml');
    expect(toUri('../shared/my template.yaml', cwd)).toBe('file:///shared/my%20template.yaml');
  });
});

describe('SARIF rules and results', () => {
  const finding = (ruleId: string, over: Record<string, string> = {}) => ({
    ruleId, severity: 'warning', stack: 'Services', logicalId: '', path: 'Services/Agent', property: '', value: '', message: `[${ruleId}] text`, fix: 'fix', ...over,
  });
  const run = (...findings: ReturnType<typeof finding>[]) => JSON.parse(formatSarif(findings, ALL_RULES, '1.0.0', '/repo')).runs[0];

  test('a construct check\'s finding (KIT-*) has a rule entry and a ruleIndex, as an engine rule\'s does; empty property and value are left out', () => {
    const out = run(finding('ECS-TD-01', { severity: 'error', logicalId: 'Td', property: 'Properties/Memory', value: '"3000"' }), finding('KIT-SERVICE-DAEMON-IDLE'));
    expect(out.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(['ECS-TD-01', 'KIT-SERVICE-DAEMON-IDLE']);
    expect(out.tool.driver.rules[1]).toMatchObject({ shortDescription: { text: expect.any(String) }, defaultConfiguration: { level: 'warning' } });
    expect(out.results.map((r: { ruleIndex: number }) => r.ruleIndex)).toEqual([0, 1]);
    expect(out.results[1].properties).toEqual({ stack: 'Services' });
    expect(out.results[0].properties).toEqual({ stack: 'Services', property: 'Properties/Memory', value: '"3000"' });
  });

  test('fingerprints: stable for the same rule, stack, path and property (the message may change), different otherwise', () => {
    const fp = (f: ReturnType<typeof finding>) => run(f).results[0].partialFingerprints['cdkEcsKit/v1'];
    const base = finding('ECS-TD-01', { property: 'Properties/Memory' });
    expect(fp({ ...base, message: 'another text' })).toBe(fp(base));
    expect(fp({ ...base, property: 'Properties/Cpu' })).not.toBe(fp(base));
    expect(fp({ ...base, path: 'Services/Other' })).not.toBe(fp(base));
    expect(fp(base)).toMatch(/^[0-9a-f]{32}$/);
  });
});
