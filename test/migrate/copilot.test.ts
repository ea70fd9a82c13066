import * as fs from 'fs';
import * as path from 'path';
import { App, Stage } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { parse } from 'yaml';
import { kitImport, scratchDir, typeErrors } from './generated-app';
import { EcsChecks } from '../../src';
import { formatPath, leaves } from '../../src/migrate/fields';
import { migrateCopilotFiles, MigrateCopilotResult } from '../../src/migrate/migrate-copilot';
import { complianceApp, describeFindings, runCompliance } from '../compliance/harness';

const WORKSPACE = path.join(__dirname, '..', 'fixtures', 'copilot');
const SERVICES = ['frontend', 'api', 'orders-worker', 'nightly-report'];
const MANIFESTS = SERVICES.map((s) => path.join(WORKSPACE, 'copilot', s, 'manifest.yml'));

let dir: string;
let file: string;
let result: MigrateCopilotResult;

beforeAll(() => {
  dir = scratchDir('migrate-copilot-');
  file = path.join(dir, 'shop.ts');
  result = migrateCopilotFiles(MANIFESTS, file, kitImport(dir));
  fs.writeFileSync(file, result.code);
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Whether `leaf` is `covered` or under it (`a.b` covers `a.b.c` and `a.b[0]`). */
function under(leaf: string, covered: string): boolean {
  return covered === '' || leaf === covered || leaf.startsWith(`${covered}.`) || leaf.startsWith(`${covered}[`);
}

describe('migrate copilot: every field is mapped or a TODO', () => {
  test.each(SERVICES)('%s', (service) => {
    const manifest = parse(fs.readFileSync(MANIFESTS[SERVICES.indexOf(service)], 'utf8'), { merge: true });
    const report = result.manifests.find((m) => m.name === service)!;
    const missing = leaves(manifest).map((l) => formatPath(l.path))
      .filter((leaf) => !report.mapped.some((m) => under(leaf, m)) && !report.todos.some((t) => under(leaf, t.path)));
    expect(missing).toEqual([]);
    // Each TODO is in the code, near its service; none is the catch-all for unknown fields.
    for (const t of report.todos) expect(result.code).toContain(`TODO(copilot): ${t.path}: `);
    expect(report.todos.filter((t) => t.why.startsWith('not a field the migrator knows'))).toEqual([]);
  });

  test('the fixture exercises both mapped fields and TODOs', () => {
    const frontend = result.manifests.find((m) => m.name === 'frontend')!;
    expect(frontend.mapped).toEqual(expect.arrayContaining(['count.range', 'http.healthcheck.path', 'sidecars.envoy.mount_points[0].path', 'environments.prod.cpu']));
    expect(frontend.todos.map((t) => t.path)).toEqual(['http.allowed_source_ips[1]', 'http.alias', 'environments.prod.http.alias']);
    const job = result.manifests.find((m) => m.name === 'nightly-report')!;
    expect(job.todos.map((t) => t.path)).toEqual(['cpu', 'memory', 'retries', 'timeout']);
    // api's addons folder: one TODO naming the template and what Copilot did with each Output.
    expect(result.manifests.find((m) => m.name === 'api')!.todos.map((t) => t.path)).toEqual(['addons']);
    expect(result.code).toContain('// TODO(copilot): addons: copilot/api/addons: orders-table.yml — ');
    for (const use of ['environment variable ORDERS_TABLE_NAME', 'managed policy of the task role', 'secret ORDERS_API_KEY', 'api.service.connections.addSecurityGroup']) {
      expect(result.code).toContain(use);
    }
  });
});

describe('migrate copilot: the generated app', () => {
  test('type-checks with the project\'s strict compiler options', () => {
    expect(typeErrors(file)).toEqual([]);
  });

  test('synthesizes one services stack per Copilot environment with the overrides applied', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(file) as { ENVIRONMENTS: string[]; buildApp(app: App): void };
    expect(generated.ENVIRONMENTS).toEqual(['prod', 'test']);
    const app = new App({ outdir: path.join(dir, 'cdk.out') });
    generated.buildApp(app);
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['Shop-prod', 'Shop-prod-network', 'Shop-test', 'Shop-test-network']);

    const prod = Template.fromJSON(assembly.getStackByName('Shop-prod').template);
    const test = Template.fromJSON(assembly.getStackByName('Shop-test').template);
    for (const t of [prod, test]) {
      t.resourceCountIs('AWS::ECS::Service', 3);
      t.resourceCountIs('AWS::Scheduler::Schedule', 1);
      t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
      t.resourceCountIs('AWS::SNS::Subscription', 1);
      t.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '256', Memory: '512', ContainerDefinitions: [{ Name: 'api', PortMappings: [{ ContainerPort: 8080, Name: 'api' }] }] });
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing' });
    }
    // efs: true is Copilot's managed file system with a dedicated access point: /<service>, uid = gid = CRC-32 of the name.
    prod.hasResourceProperties('AWS::EFS::AccessPoint', {
      PosixUser: { Uid: '3423674012', Gid: '3423674012' },
      RootDirectory: { Path: '/frontend', CreationInfo: { OwnerUid: '3423674012', OwnerGid: '3423674012', Permissions: '0755' } },
    });
    // Variables keep their text (1.10, not 1.1); a sidecar's `<<: *anchor` merge brings the main container's variables.
    const frontendTask = Object.values(prod.findResources('AWS::ECS::TaskDefinition'))
      .find((r) => r.Properties.ContainerDefinitions.some((c: { Name: string }) => c.Name === 'frontend'))!;
    const env = (name: string) => Object.fromEntries(frontendTask.Properties.ContainerDefinitions.find((c: { Name: string }) => c.Name === name)
      .Environment.map((e: { Name: string; Value: string }) => [e.Name, e.Value]));
    expect(env('frontend')).toMatchObject({ APP_VERSION: '1.10' });
    expect(env('envoy')).toMatchObject({ APP_VERSION: '1.10', LOG_LEVEL: 'info', ENVOY_LOG_LEVEL: 'warn' });
    // environments.prod: cpu/memory and a wider range; test: a fixed count of 1 and no schedule.
    prod.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '1024', Memory: '2048', RuntimePlatform: { CpuArchitecture: 'ARM64' } });
    test.hasResourceProperties('AWS::ECS::TaskDefinition', { Cpu: '512', Memory: '1024', RuntimePlatform: { CpuArchitecture: 'ARM64' } });
    prod.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 3, MaxCapacity: 20 });
    test.resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 1); // the worker only
    test.hasResourceProperties('AWS::Scheduler::Schedule', { State: 'DISABLED' });
    prod.hasResourceProperties('AWS::Scheduler::Schedule', { State: 'ENABLED', ScheduleExpression: 'cron(30 2 ? * 2-6 *)' });
    prod.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 4, DeploymentConfiguration: { MinimumHealthyPercent: 100 } });
    test.hasResourceProperties('AWS::ECS::Service', { DesiredCount: 2, DeploymentConfiguration: { MinimumHealthyPercent: 0, MaximumPercent: 100 } });
  });

  test('the generated app passes cdk-nag AwsSolutions and EcsChecks, as the kit\'s constructs do', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(file) as { buildApp(app: App): void };
    const app = complianceApp();
    generated.buildApp(app);
    const report = runCompliance(app, { packs: ['AwsSolutions'], extraPlugins: [new EcsChecks()] });
    expect(describeFindings(report.findings.filter((f) => f.pack !== 'CloudFormation Validate'))).toBe('');
    // Copilot's variables are acknowledged on each task that has them, with the reason.
    expect(report.acknowledged.filter((a) => a.id === 'AwsSolutions-ECS2').map((a) => a.reason))
      .toEqual(expect.arrayContaining([expect.stringContaining('COPILOT_* variables and the manifest\'s variables are plain configuration')]));
  });
});

describe('migrate copilot: the generated app in a CDK Pipelines stage', () => {
  test('buildApp builds its stacks inside a Stage (one stage per environment, as the doc advises)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const generated = require(file) as { buildApp(scope: Construct): void };
    const app = new App({ outdir: path.join(dir, 'cdk.out.stage') });
    const stage = new Stage(app, 'Prod');
    generated.buildApp(stage);
    const assembly = stage.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['Prod-Shop-prod', 'Prod-Shop-prod-network', 'Prod-Shop-test', 'Prod-Shop-test-network']);
  });
});
