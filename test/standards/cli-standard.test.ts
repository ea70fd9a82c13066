/** `cdk-ecs-kit check --standard FILE` on a cdk.out and on a template: what a new standard version would newly fail. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage, Tags, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ACME_STANDARD, ACME_STANDARD_V2 } from './fixtures';
import { DeploymentStandard } from '../../src/standards';
import { runCli as run } from '../cli/run-cli';


const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'std16-cli-'));
const v1 = path.join(dir, 'acme-1.0.0.json');
const v2 = path.join(dir, 'acme-2.0.0.json');
fs.writeFileSync(v1, ACME_STANDARD.toJson());
fs.writeFileSync(v2, ACME_STANDARD_V2.toJson());

/** Remove the stack-level tags the manifest of an assembly directory records. */
function dropStackTags(assemblyDir: string): void {
  const file = path.join(assemblyDir, 'manifest.json');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const artifact of Object.values<any>(manifest.artifacts)) delete artifact.properties?.tags;
  fs.writeFileSync(file, JSON.stringify(manifest));
}

/** A plain aws-cdk-lib app (no kit constructs, no standard applied) that meets v1 but not v2. */
function plainAssembly(): string {
  const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'out-')), context: { 'aws:cdk:enable-path-metadata': true } });
  const stack = new Stack(app, 'Plain');
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
  return app.synth().directory;
}

describe('cdk-ecs-kit check --standard', () => {
  const out = plainAssembly();

  test('on a cdk.out: v2 newly fails ORG-IMG-02 (no digest); the v1 finding ORG-TAG-01 stays', () => {
    const a = run('check', '--format', 'json', '--standard', v1, out);
    const b = run('check', '--format', 'json', '--standard', v2, out);
    const ids = (r: { stdout: string }) => (JSON.parse(r.stdout).findings as { ruleId: string; path: string }[])
      .filter((f) => f.ruleId.startsWith('ORG-')).map((f) => `${f.ruleId} ${f.path}`).sort();
    expect(a.code).toBe(1);
    expect(ids(a)).toEqual(['ORG-TAG-01 Plain/TaskDef']);
    expect(ids(b)).toEqual(['ORG-IMG-02 Plain/TaskDef', 'ORG-TAG-01 Plain/TaskDef']);
    // The standard names cdk-nag packs, which need the CDK app: the CLI says it did not run them.
    expect(ACME_STANDARD.props.nagPacks?.length).toBeGreaterThan(0);
    expect(a.stderr).toMatch(/^cdk-ecs-kit: note: the standard's AwsSolutions checks run in synth \(apply\(\)\), not in check/);
  });

  test('stack-level tags (StackProps.tags) meet ORG-TAG-01: CloudFormation applies them to the resources at deploy', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'out-')), context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'Tagged', { tags: { 'team': 'payments', 'cost-center': 'cc-1', 'managed-by': 'acme' } });
    const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
    td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    const tagged = app.synth().directory;
    const orgFindings = (r: { stdout: string }) => (JSON.parse(r.stdout).findings as { ruleId: string }[]).map((f) => f.ruleId).filter((id) => id.startsWith('ORG-TAG'));
    expect(orgFindings(run('check', '--format', 'json', '--standard', v1, tagged))).toEqual([]);
    // In a synth too: the standard applied to an app whose stack carries the tags.
    const inSynth = new App();
    const s2 = new Stack(inSynth, 'Tagged', { tags: { 'team': 'payments', 'cost-center': 'cc-1' } });
    new ecs.FargateTaskDefinition(s2, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 })
      .addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    DeploymentStandard.BASELINE.extend({ name: 'tags-only', requiredTags: ['team', 'cost-center'], nagPacks: [] }).apply(inSynth);
    expect(() => inSynth.synth()).not.toThrow();
    // One tag missing from the stack: still reported.
    const missing = new App();
    const s3 = new Stack(missing, 'Tagged', { tags: { team: 'payments' } });
    new ecs.FargateTaskDefinition(s3, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 })
      .addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    DeploymentStandard.BASELINE.extend({ name: 'tags-only', requiredTags: ['team', 'cost-center'], nagPacks: [] }).apply(missing);
    expect(() => missing.synth()).toThrow(/ORG-TAG-01/);
  });

  test('on a template file, judging L1 resources', () => {
    const template = path.join(dir, 'l1.json');
    fs.writeFileSync(template, JSON.stringify({
      Resources: {
        Logs: { Type: 'AWS::Logs::LogGroup', Properties: { RetentionInDays: 14, Tags: [{ Key: 'team', Value: 'a' }, { Key: 'cost-center', Value: 'b' }, { Key: 'managed-by', Value: 'c' }] } },
      },
    }));
    const r = run('check', '--standard', v1, template);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("[ORG-LOG-01] Log group retention 14 days is shorter than the 365 days standard 'acme-platform' 1.0.0 requires at l1/Logs");
    expect(r.stdout).toContain('[ORG-ENC-01]');
    expect(run('check', template).stdout).not.toContain('ORG-');
  });

  test('a bad standard file exits 2 with the reason', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"maxDesiredCont": 3}');
    const r = run('check', '--standard', bad, out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown key(s) maxDesiredCont');
    expect(run('check', '--standard', path.join(dir, 'missing.json'), out).code).toBe(2);
  });

  test('honours the app\'s acknowledgements, with their reasons, so an app that passes v1 shows only what v2 adds', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'ack-')), context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'Acked');
    for (const [k, v] of Object.entries({ 'team': 'a', 'cost-center': 'b', 'managed-by': 'c' })) Tags.of(stack).add(k, v);
    const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
    td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), memoryLimitMiB: 256 });
    // The bare id (recorded as Annotation::ID) and the plugin-prefixed id both count.
    Validations.of(td).acknowledge({ id: 'ORG-IMG-01', reason: 'Vendor image, mirrored into ECR by PLAT-123.' });
    Validations.of(stack).acknowledge({ id: 'cdk-ecs-kit::ECS-CT-17', reason: 'not raised here: proves unrelated acks are harmless' });
    const acked = app.synth().directory;

    const v1Run = run('check', '--standard', v1, acked);
    expect(v1Run.code).toBe(0);
    expect(v1Run.stdout).toContain('ACKED   ORG-IMG-01  Acked/TaskDef  (Acked/TaskDef54694570 Properties/ContainerDefinitions/0/Image; acknowledged at Acked/TaskDef)\n  reason: Vendor image, mirrored into ECR by PLAT-123.');
    expect(v1Run.stdout).toMatch(/0 errors, \d+ warnings?, 1 acknowledged in 1 stack/);
    const v2Json = JSON.parse(run('check', '--format', 'json', '--standard', v2, acked).stdout);
    expect(v2Json.findings.filter((f: any) => f.ruleId.startsWith('ORG-')).map((f: any) => f.ruleId)).toEqual(['ORG-IMG-02']);
    expect(v2Json.acknowledged.map((a: any) => [a.ruleId, a.reason])).toEqual([['ORG-IMG-01', 'Vendor image, mirrored into ECR by PLAT-123.']]);
    const sarif = JSON.parse(run('check', '--format', 'sarif', '--standard', v1, acked).stdout);
    const suppressed = sarif.runs[0].results.filter((r: any) => r.suppressions);
    expect(suppressed.map((r: any) => [r.ruleId, r.suppressions[0].justification])).toEqual([['ORG-IMG-01', 'Vendor image, mirrored into ECR by PLAT-123.']]);
    expect(run('check', '--ignore-acknowledgements', '--standard', v1, acked).code).toBe(1);
    expect(v1Run.stderr).not.toContain('without a reason');
  });

  test('an acknowledgement with a blank reason still counts, and check says so (found by the platform trial)', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'blank-')), context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'Blank');
    for (const [k, v] of Object.entries({ 'team': 'a', 'cost-center': 'b', 'managed-by': 'c' })) Tags.of(stack).add(k, v);
    const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
    td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), memoryLimitMiB: 256 });
    Validations.of(td).acknowledge({ id: 'ORG-IMG-01', reason: '  ' });
    const result = run('check', '--standard', v1, app.synth().directory);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('acknowledged at Blank/TaskDef)\n  reason: (none given)');
    expect(result.stderr).toContain('cdk-ecs-kit: note: Blank/TaskDef acknowledges ORG-IMG-01 without a reason: give it the reason it was approved (a ticket, who and why; acknowledge({ id, reason }) in CDK');
  });

  // The cloud assembly has no metadata of its own for the App or a Stage: EcsChecks copies their acknowledgements onto
  // each stack below, so `check cdk.out` accepts what synth accepted.
  test('acknowledgements on the App and on a Stage count in check, as in synth; without EcsChecks nothing is copied', () => {
    const build = (withChecks: boolean) => {
      const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'app-ack-')), context: { 'aws:cdk:enable-path-metadata': true } });
      if (withChecks) ACME_STANDARD.extend({ nagPacks: [] }).apply(app);
      Validations.of(app).acknowledge({ id: 'ORG-IMG-01', reason: 'Vendor images are mirrored by PLAT-123.' });
      const stage = new Stage(app, 'Prod');
      Validations.of(stage).acknowledge({ id: 'ORG-TAG-01', reason: 'Tags come from the pipeline (PLAT-7).' });
      const stack = new Stack(stage, 'Orders');
      const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
      td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('nginx:1.27'), memoryLimitMiB: 256 });
      app.synth();
      return stage.synth().directory;
    };
    const checked = JSON.parse(run('check', '--format', 'json', '--standard', v1, build(true)).stdout);
    expect(checked.findings.filter((f: any) => ['ORG-IMG-01', 'ORG-TAG-01'].includes(f.ruleId))).toEqual([]);
    expect(checked.acknowledged.map((a: any) => [a.ruleId, a.reason]).sort()).toEqual([
      ['ORG-IMG-01', 'Vendor images are mirrored by PLAT-123.'], ['ORG-TAG-01', 'Tags come from the pipeline (PLAT-7).'],
    ]);
    // Where each was made, as synth reports it: the App ('') and the Stage, not the stack they were copied to.
    expect([...new Set(checked.acknowledged.map((a: any) => `${a.ruleId} ${a.acknowledgedAt}`))].sort()).toEqual(['ORG-IMG-01 ', 'ORG-TAG-01 Prod']);
    const text = run('check', '--standard', v1, build(true)).stdout;
    expect(text).toContain('acknowledged at the app)');
    expect(text).toContain('acknowledged at Prod)');
    const plain = JSON.parse(run('check', '--format', 'json', '--standard', v1, build(false)).stdout);
    expect(plain.findings.map((f: any) => f.ruleId)).toEqual(expect.arrayContaining(['ORG-IMG-01', 'ORG-TAG-01']));
  });

  // The built-in standards, and standards built without a version, are recorded without one.
  test('a cdk.out whose standard has no version (BASELINE) is judged by it, by check and by quotas', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'baseline-')), context: { 'aws:cdk:enable-path-metadata': true } });
    DeploymentStandard.BASELINE.extend({ nagPacks: [] }).apply(app);
    const stack = new Stack(app, 'Base');
    new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 })
      .addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    const baseline = app.synth().directory;
    const checked = run('check', baseline);
    expect(checked.code).toBe(0);
    expect(checked.stderr).toContain(`cdk-ecs-kit: note: judging ${baseline} by standard 'baseline', which its synth applied`);
    const quotas = run('quotas', baseline);
    expect(quotas.code).toBe(0);
    expect(quotas.stderr).toContain(`cdk-ecs-kit: note: quotas of ${baseline} from standard 'baseline', which its synth applied`);
  });

  // The app applied a standard in its synth: a CI job that runs `check cdk.out` alone judges by the same standard.
  test('without --standard, a cdk.out is judged by the standard its synth applied (recorded in the assembly metadata)', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'recorded-')), context: { 'aws:cdk:enable-path-metadata': true } });
    new DeploymentStandard({ name: 'tiny', version: '1.2.0', requiredTags: ['team'], defaultTags: { team: 'web' } }).apply(app);
    const stack = new Stack(app, 'Applied');
    const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
    td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    const applied = app.synth().directory;
    const ok = run('check', applied);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`cdk-ecs-kit: note: judging ${applied} by standard 'tiny' 1.2.0, which its synth applied (recorded in the assembly); --standard FILE overrides`);
    // The template changed after synth (or a tag removed by hand): the recorded standard's ORG-TAG-01 fails it.
    const file = path.join(applied, 'Applied.template.json');
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    const taskDef = Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition');
    delete taskDef.Properties.Tags;
    fs.writeFileSync(file, JSON.stringify(template));
    dropStackTags(applied); // Tags.of(app) tags the stack too, and CloudFormation would tag the task definition from it
    const bad = run('check', applied);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('[ORG-TAG-01] ');
    expect(bad.stdout).toContain("standard 'tiny' 1.2.0");
    // --standard wins; an app without a standard gets no ORG rules and no note.
    const other = run('check', '--format', 'json', '--standard', v1, applied);
    expect(other.stderr).not.toContain('judging');
    expect(JSON.stringify(JSON.parse(other.stdout).findings)).toContain("standard 'acme-platform' 1.0.0");
    expect(run('check', plainAssembly()).stderr).not.toContain('judging');
  });

  test('quotas, without --quotas, uses the quota profile of the standard the app applied, as synth and check do', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'quotas-')) });
    new DeploymentStandard({ name: 'tight', version: '1.0.0', quotaOverrides: { servicesPerCluster: 1 } }).apply(app);
    const stack = new Stack(app, 'Services');
    const cluster = new ecs.Cluster(stack, 'Cluster');
    for (const id of ['A', 'B']) {
      const td = new ecs.FargateTaskDefinition(stack, `${id}Task`);
      td.addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
      new ecs.FargateService(stack, id, { cluster, taskDefinition: td, minHealthyPercent: 100 });
    }
    // Synth fails on ECS-QT-02 itself; the assembly as synth writes it before validation is what a CI job would read.
    expect(() => app.synth()).toThrow(/ECS-QT-02/);
    const written = app.outdir;
    const recorded = run('quotas', '--format', 'json', written);
    expect(recorded.stderr).toContain(`cdk-ecs-kit: note: quotas of ${written} from standard 'tight' 1.0.0, which its synth applied (recorded in the assembly); --quotas overrides`);
    const row = (r: { stdout: string }) => JSON.parse(r.stdout).find((x: any) => x.quota === 'servicesPerCluster');
    expect(row(recorded)).toMatchObject({ used: 2, limit: 1 });
    expect(recorded.code).toBe(1);
    const current = run('quotas', '--format', 'json', '--quotas', 'current', written);
    expect(row(current)).toMatchObject({ used: 2, limit: 5000 });
    expect(current.stderr).not.toContain('note');
    expect(current.code).toBe(0);
  });

  // aws-cdk-lib synthesizes a stage before the app's aspects run, so Tags.of(app) and the app's aspects miss its stacks.
  test('a standard applied to the app covers the stacks of a Stage: its tags, and check judges them by it', () => {
    const app = new App({ outdir: fs.mkdtempSync(path.join(dir, 'staged-')), context: { 'aws:cdk:enable-path-metadata': true } });
    new DeploymentStandard({ name: 'tiny', version: '1.2.0', requiredTags: ['team'], defaultTags: { team: 'web' } }).apply(app);
    const taskIn = (stack: Stack) => new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 })
      .addContainer('web', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
    taskIn(new Stack(app, 'Top'));
    const prodStage = new Stage(app, 'Prod');
    const staged = new Stack(prodStage, 'Orders');
    taskIn(staged);
    taskIn(new Stack(prodStage, 'Billing'));
    // A tag the app sets on its own constructs wins over the standard's default, as it does over Tags.of(app).
    Tags.of(staged).add('team', 'orders');
    const assembly = app.synth();
    const prod = assembly.nestedAssemblies.map((n) => n.nestedAssembly).find((a) => a.directory.endsWith('assembly-Prod'))!;
    const orders = prod.getStackByName('Prod-Orders');
    expect(Object.values<any>(prod.getStackByName('Prod-Billing').template.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition').Properties.Tags)
      .toEqual([{ Key: 'team', Value: 'web' }]);
    const taskDef = Object.values<any>(orders.template.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition');
    expect(taskDef.Properties.Tags).toEqual([{ Key: 'team', Value: 'orders' }]);
    expect(Object.values<any>(assembly.getStackByName('Top').template.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition').Properties.Tags)
      .toEqual([{ Key: 'team', Value: 'web' }]);
    expect(orders.findMetadataByType('cdk-ecs-kit:standard').map((m) => (m.data as any).name)).toEqual(['tiny']);
    const ok = run('check', assembly.directory);
    expect(ok.code).toBe(0);
    // Each assembly judged by it is named, the stage's too (found by a user trial: only the first was).
    expect(ok.stderr).toContain(`cdk-ecs-kit: note: judging ${assembly.directory} by standard 'tiny' 1.2.0`);
    expect(ok.stderr).toContain(`cdk-ecs-kit: note: judging ${prod.directory} by standard 'tiny' 1.2.0`);
    // The stage's stacks are judged by the recorded standard too: a tag removed after synth fails ORG-TAG-01 there.
    const file = orders.templateFullPath;
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete Object.values<any>(template.Resources).find((r) => r.Type === 'AWS::ECS::TaskDefinition').Properties.Tags;
    fs.writeFileSync(file, JSON.stringify(template));
    dropStackTags(prod.directory);
    const bad = run('check', assembly.directory);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/\[ORG-TAG-01\] .*Prod\/Orders\/TaskDef/);
  });
});

