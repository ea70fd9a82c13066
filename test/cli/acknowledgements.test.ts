/** `cdk-ecs-kit check` on a cdk.out honours the app's acknowledgements, and names those of an id no rule has (a typo). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runCli } from './run-cli';
import { EcsChecks, Severity } from '../../src';

function assembly(acknowledge: (td: ecs.FargateTaskDefinition) => void): string {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'ack-cli-')), context: { 'aws:cdk:enable-path-metadata': true } });
  const td = new ecs.FargateTaskDefinition(new Stack(app, 'Acks'), 'TaskDef', { cpu: 256, memoryLimitMiB: 4096 });
  td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
  acknowledge(td);
  return app.synth().directory;
}

test('an acknowledgement of an id no rule or check has is named on stderr; the finding it meant stays open', () => {
  const out = assembly((td) => Validations.of(td).acknowledge(
    { id: 'ECS-TD01', reason: 'typo of ECS-TD-01' },
    { id: 'ORG-NOPE-99', reason: 'no such rule' },
    { id: '@aws-cdk/aws-ecs:someWarning', reason: 'not a kit id: not judged' },
  ));
  const r = runCli('check', out);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('[ECS-TD-01]');
  expect(r.stderr.split('\n').filter((l) => l.includes('acknowledges'))).toEqual([
    'cdk-ecs-kit: note: Acks/TaskDef acknowledges ECS-TD01, which is no rule or check of cdk-ecs-kit: it acknowledges nothing (a typo? the ids are in docs/rules.md)',
    'cdk-ecs-kit: note: Acks/TaskDef acknowledges ORG-NOPE-99, which is no rule or check of cdk-ecs-kit: it acknowledges nothing (a typo? the ids are in docs/rules.md)',
  ]);
});

test('JSON names the cloud assembly template of a finding, without a line (the generated file is not parsed for it)', () => {
  const [finding] = JSON.parse(runCli('check', '--format', 'json', assembly(() => undefined)).stdout).findings;
  expect(finding).toMatchObject({ ruleId: 'ECS-TD-01', file: expect.stringMatching(/Acks\.template\.json$/) });
  expect(finding).not.toHaveProperty('line');
});

test('a known id is honoured and draws no note', () => {
  const out = assembly((td) => Validations.of(td).acknowledge({ id: 'ECS-TD-01', reason: 'sized by the platform team (PLAT-1)' }));
  const r = runCli('check', out);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('ACKED');
  expect(r.stderr).not.toContain('acknowledges');
});

describe('a hand-written template acknowledges findings in Metadata (found by a CLI user trial)', () => {
  const task = (memory: string, metadata?: unknown) => ({
    Type: 'AWS::ECS::TaskDefinition',
    ...metadata ? { Metadata: metadata } : {},
    Properties: {
      RequiresCompatibilities: ['FARGATE'],
      NetworkMode: 'awsvpc',
      Cpu: '256',
      Memory: memory,
      ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27' }],
    },
  });
  const write = (template: unknown) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ack-tpl-')), 'jobs.json');
    fs.writeFileSync(file, JSON.stringify(template));
    return file;
  };
  const ack = (id: string, reason = 'sized by the platform team (PLAT-1)') => ({ 'cdk-ecs-kit': { acknowledge: [{ id, reason }] } });

  test('on the resource: that resource\'s finding is ACKED with its reason; another resource\'s stays open', () => {
    const r = runCli('check', write({ Resources: { Acked: task('4096', ack('ECS-TD-01')), Open: task('4096') } }));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ACKED   ECS-TD-01  jobs/Acked  (Properties/Memory; acknowledged at jobs/Acked)\n  reason: sized by the platform team (PLAT-1)');
    expect(r.stdout).toContain('ERROR   ECS-TD-01  jobs/Open');
    expect(r.stdout).toContain('1 error, 0 warnings, 1 acknowledged in 1 stack');
  });

  test('at the template\'s top: every resource; --ignore-acknowledgements reports them; a mistyped id is named', () => {
    const file = write({ Metadata: ack('ECS-TD-01'), Resources: { A: task('4096'), B: task('4096', ack('ECS-TD01', 'typo')) } });
    expect(runCli('check', file).code).toBe(0);
    expect(runCli('check', '--ignore-acknowledgements', file).code).toBe(1);
    expect(runCli('check', file).stderr).toContain('cdk-ecs-kit: note: jobs/B acknowledges ECS-TD01, which is no rule or check of cdk-ecs-kit');
  });

  test('malformed entries acknowledge nothing', () => {
    const bad = { 'cdk-ecs-kit': { acknowledge: ['ECS-TD-01', { reason: 'no id' }] } };
    expect(runCli('check', write({ Resources: { A: task('4096', bad) } })).code).toBe(1);
    expect(runCli('check', write({ Resources: { A: task('4096', { 'cdk-ecs-kit': { acknowledge: 'ECS-TD-01' } }) } })).code).toBe(1);
  });
});

describe('the app\'s EcsChecks disabledRules and severityOverrides reach check through the assembly (found by an adoption user trial)', () => {
  const synth = (props: ConstructorParameters<typeof EcsChecks>[0], memory = '4096') => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'settings-cli-')), context: { 'aws:cdk:enable-path-metadata': true } });
    Validations.of(app).addPlugins(new EcsChecks(props));
    const td = new ecs.FargateTaskDefinition(new Stack(app, 'Settings'), 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
    td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    // An escape hatch synth accepts only because the rule is off or a warning in the app's plugin.
    (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Memory', memory);
    return app.synth().directory;
  };

  test('a rule disabled in code is not run by check; one made a warning is a warning; flags add to them', () => {
    const off = synth({ disabledRules: ['ECS-TD-01'] });
    const r = runCli('check', off);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('ECS-TD-01');
    expect(r.stderr).toContain(`cdk-ecs-kit: note: ${off}: the app's EcsChecks disabledRules ECS-TD-01 apply, as in its synth (recorded in the assembly)`);
    const warn = synth({ severityOverrides: { 'ECS-TD-01': Severity.WARNING } });
    const w = runCli('check', warn);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('WARNING ECS-TD-01');
    expect(runCli('check', '--severity', 'ECS-TD-01=error', warn).code).toBe(1);
  });

  test('an app without settings records none; --disable still applies to an assembly with settings', () => {
    const plain = synth({}, '512');
    const recorded = (dir: string) => fs.readdirSync(dir).filter((f) => f.endsWith('.json')).some((f) => fs.readFileSync(path.join(dir, f), 'utf8').includes('cdk-ecs-kit:checks-settings'));
    expect(recorded(plain)).toBe(false);
    expect(runCli('check', plain).stderr).not.toContain('EcsChecks');
    const warn = synth({ severityOverrides: { 'ECS-TD-01': Severity.WARNING } });
    expect(recorded(warn)).toBe(true);
    expect(runCli('check', '--disable', 'ECS-TD-01', warn).stdout).not.toContain('ECS-TD-01');
  });
});
