import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Stage, Tags, Validations } from 'aws-cdk-lib';
import { Annotations as AssertAnnotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ACME_STANDARD, ORDERS_IMAGE_FOR_TESTS } from './fixtures';
import {
  DeploymentStandard, EcsChecks, EcsCluster, EcsQuota, EncryptionRequirement, FargateSize, FargateTask, NagPack, StandardTesting,
  WebService, WorkerService,
} from '../../src';

const tmpApp = () => new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'std16-')) });
// The ORG rules and EcsChecks only: the packs are covered by the matrix test.
const ACME_NO_PACKS = ACME_STANDARD.extend({ nagPacks: [] });

/** A team app that breaks the standard four ways: missing tag, Fargate size, Docker Hub image, short log retention. */
function breakingApp(acknowledge = false): App {
  const app = tmpApp();
  ACME_NO_PACKS.apply(app);
  const stack = new Stack(app, 'Orders');
  Tags.of(stack).add('cost-center', 'cc-1');
  const task = new FargateTask(stack, 'Big', {
    size: FargateSize.of(4096, 8192),
    logRetention: logs.RetentionDays.ONE_WEEK,
    container: { image: ecs.ContainerImage.fromRegistry('nginx:1.27') },
  });
  if (acknowledge) {
    Validations.of(stack).acknowledge({ id: 'ORG-TAG-01', reason: 'Team tag is added by the deployment pipeline (ticket PLAT-7).' });
    Validations.of(task).acknowledge(
      { id: 'ORG-FG-01', reason: 'Batch re-index needs 4 vCPU; approved by platform (PLAT-12) until 2027-03.' },
      { id: 'ORG-FG-02', reason: 'Batch re-index needs 4 vCPU; approved by platform (PLAT-12) until 2027-03.' },
      { id: 'ORG-IMG-01', reason: 'Vendor image being mirrored into ECR (PLAT-13).' },
      { id: 'ORG-LOG-01', reason: 'Debug-only task, logs hold no audit data (PLAT-14).' },
    );
  }
  return app;
}

/** An app with stages Dev and Prod, BASELINE on Dev, and a queue AwsSolutions flags in `stage`. */
function tmpAppWithQueueIn(stage: 'Dev' | 'Prod'): App {
  const app = tmpApp();
  const stages = { Dev: new Stage(app, 'Dev'), Prod: new Stage(app, 'Prod') };
  DeploymentStandard.BASELINE.apply(stages.Dev);
  new sqs.Queue(new Stack(stages[stage], 'S'), 'Q');
  return app;
}

describe('DeploymentStandard', () => {
  test('round-trips through JSON, presets included', () => {
    for (const s of [DeploymentStandard.BASELINE, DeploymentStandard.REGULATED, ACME_STANDARD]) {
      expect(DeploymentStandard.fromJson(s.toJson()).props).toEqual(s.props);
    }
    expect(DeploymentStandard.BASELINE.props.nagPacks).toEqual([NagPack.AWS_SOLUTIONS]);
    expect(DeploymentStandard.REGULATED.props).toMatchObject({
      nagPacks: [NagPack.HIPAA_SECURITY, NagPack.NIST_800_53_R5, NagPack.PCI_DSS_321],
      controlTower: true,
      requiredEncryption: EncryptionRequirement.KMS,
    });
  });

  test('rejects unknown keys and bad values with what is allowed', () => {
    expect(() => DeploymentStandard.fromJson('{"requiredTag": ["team"]}', 'acme.json')).toThrow(/^acme.json: unknown key\(s\) requiredTag; allowed: name, version, requiredTags/);
    expect(() => new DeploymentStandard({ allowedFargateSizes: ['1 vCPU'] })).toThrow("allowedFargateSizes entry '1 vCPU' is not 'cpu/memoryMiB'");
    expect(() => new DeploymentStandard({ allowedFargateSizes: ['512/3000'] })).toThrow(/allowedFargateSizes entry '512\/3000' is not a Fargate size; allowed: cpu 512 with 1024-4096 MiB/);
    expect(() => new DeploymentStandard({ allowedFargateSizes: ['300/512'] })).toThrow(/'300\/512' is not a Fargate size; allowed: cpu 256, 512, 1024/);
    expect(new DeploymentStandard({ allowedFargateSizes: ['512/3072', '1024/2048'] })).toBeDefined();
    expect(() => DeploymentStandard.fromJson('{"nagPacks": ["CIS"]}')).toThrow("nagPacks entry 'CIS' is unknown; allowed: AwsSolutions, HIPAA.Security");
    expect(() => DeploymentStandard.fromJson('[1]')).toThrow('expected a JSON object');
    expect(() => new DeploymentStandard({ maxDesiredCount: -1 })).toThrow('maxDesiredCount must be a number 0 or more');
    expect(() => new DeploymentStandard({ requiredTags: ['team', ''] })).toThrow('requiredTags entry "" is not a tag key you can set; allowed: 1-128 characters, not blank');
    expect(() => new DeploymentStandard({ requiredTags: ['   '] })).toThrow('requiredTags entry "   " is not a tag key');
    expect(() => new DeploymentStandard({ requiredTags: ['aws:team'] })).toThrow('not starting with aws: (reserved)');
    expect(() => new DeploymentStandard({ defaultTags: { ['k'.repeat(129)]: 'v' } })).toThrow(/^DeploymentStandard: defaultTags entry "k{129}" is not a tag key/);
    expect(() => new DeploymentStandard({ requiredTags: ['k'.repeat(128), 'cost center'], defaultTags: { team: '' } })).not.toThrow();
    // A misspelt quota id fails where the standard is written, not at apply() in every app.
    expect(() => DeploymentStandard.fromJson('{"quotaOverrides": {"servicePerCluster": 8000}}', 'acme.json'))
      .toThrow(/^acme.json quotaOverrides: unknown quota id 'servicePerCluster'; allowed: clustersPerRegion, /);
    expect(() => ACME_STANDARD.extend({ quotaOverrides: { servicesPerCluster: 1.5 } })).toThrow("quota 'servicesPerCluster' must be a whole number >= 0, got 1.5");
    expect(ACME_STANDARD.extend({ quotaOverrides: { servicesPerCluster: 8000 } }).quotas.limit(EcsQuota.SERVICES_PER_CLUSTER)).toBe(8000);
  });

  test('extend() replaces only the fields it sets', () => {
    const v2 = ACME_STANDARD.extend({ version: '2.0.0', maxDesiredCount: 10 });
    expect(v2.props).toEqual({ ...ACME_STANDARD.props, version: '2.0.0', maxDesiredCount: 10 });
    expect(v2.label).toBe('acme-platform 2.0.0');
  });

  test('apply() sets construct-time defaults: log retention raised to the minimum, default tags', () => {
    const app = tmpApp();
    new DeploymentStandard({ minLogRetentionDays: 500, defaultTags: { 'managed-by': 'platform' } }).apply(app);
    const stack = new Stack(app, 'S');
    new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(ORDERS_IMAGE_FOR_TESTS) } });
    const t = Template.fromStack(stack);
    t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: logs.RetentionDays.EIGHTEEN_MONTHS });
    t.hasResourceProperties('AWS::ECS::TaskDefinition', { Tags: [{ Key: 'managed-by', Value: 'platform' }] });
    // Without a standard the kit default stays one year.
    const plain = new Stack(tmpApp(), 'P');
    new FargateTask(plain, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(ORDERS_IMAGE_FOR_TESTS) } });
    Template.fromStack(plain).hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365 });
  });

  test('apply() raises every kit log group, not only the tasks\': ECS Exec, action logs and the WAF log group (found by a compliance trial)', () => {
    const app = tmpApp();
    new DeploymentStandard({ minLogRetentionDays: 500 }).apply(app);
    const stack = new Stack(app, 'S', { env: { account: '123456789012', region: 'eu-west-1' } });
    const cluster = new EcsCluster(stack, 'Cluster', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 }), enableExecuteCommand: true });
    cluster.enableActionLogs();
    const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(ORDERS_IMAGE_FOR_TESTS), portMappings: [{ containerPort: 8080 }] } });
    new WebService(stack, 'Web', {
      cluster,
      task,
      internetFacing: true,
      accessLogs: false,
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc'),
    });
    const groups = Object.entries(Template.fromStack(stack).findResources('AWS::Logs::LogGroup'));
    expect(groups.length).toBeGreaterThanOrEqual(4);
    expect(groups.filter(([, r]) => r.Properties.RetentionInDays !== logs.RetentionDays.EIGHTEEN_MONTHS).map(([id]) => id)).toEqual([]);
  });

  test('apply() registers EcsChecks with the ORG rules, the packs and Control Tower, once per app', () => {
    const app = tmpApp();
    const spy = jest.spyOn(Validations.prototype, 'addPlugins');
    // Like cfn-guard's, its violations carry no severity.
    const fakeControlTower = {
      name: 'fake-control-tower',
      validate: () => ({ success: false, violations: [{ ruleName: 'ct_check', description: 'd', violatingResources: [] }] }),
    };
    const standard = DeploymentStandard.REGULATED.extend({ nagPacks: [NagPack.AWS_SOLUTIONS, NagPack.PCI_DSS_321] });
    standard.apply(app, { controlTowerValidator: fakeControlTower });
    const registered = spy.mock.calls.flat();
    expect(registered.map((p) => p.name)).toEqual(['cdk-ecs-kit', 'AwsSolutions', 'PCI.DSS.321', 'fake-control-tower']);
    // Wrapped, so they keep failing synth when a kit acknowledgement matches another Control Tower finding.
    expect(registered[3].validate({} as never).violations[0].severity).toBe('error');
    spy.mockRestore();
    expect(() => DeploymentStandard.REGULATED.apply(app)).toThrow('DeploymentStandard: cannot apply a standard to the app: it already has one.');
    expect(DeploymentStandard.BASELINE.ruleIds).toEqual(['ORG-CI-01', 'ORG-LOG-01', 'ORG-TAG-02']);
    expect(new EcsChecks({ standard: ACME_STANDARD }).ruleIds).toEqual(expect.arrayContaining(['ECS-TD-01', 'ORG-IMG-01', 'ORG-TAG-01']));
  });

  test('stages side by side each take their own standard; a stage inside or around one that has a standard is refused', () => {
    const app = tmpApp();
    const dev = new Stage(app, 'Dev');
    const prod = new Stage(app, 'Prod');
    new DeploymentStandard({ minLogRetentionDays: 500 }).apply(dev);
    new DeploymentStandard({ minLogRetentionDays: 600 }).apply(prod);
    const retention = (stage: Stage) => {
      const stack = new Stack(stage, 'S');
      new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(ORDERS_IMAGE_FOR_TESTS) } });
      return Template.fromStack(stack).findResources('AWS::Logs::LogGroup');
    };
    // Each stage's kit constructs read that stage's standard.
    expect(Object.values(retention(dev))[0].Properties.RetentionInDays).toBe(logs.RetentionDays.EIGHTEEN_MONTHS);
    expect(Object.values(retention(prod))[0].Properties.RetentionInDays).toBe(logs.RetentionDays.TWO_YEARS);
    expect(() => DeploymentStandard.BASELINE.apply(new Stage(prod, 'Canary'))).toThrow(
      'DeploymentStandard: cannot apply a standard to stage Prod/Canary: it is inside stage Prod, which has one.');
    expect(() => DeploymentStandard.BASELINE.apply(app)).toThrow('cannot apply a standard to the app: it contains stage Dev, which has one.');
  });

  test('a standard applied to one stage runs its cdk-nag packs on that stage only (cdk-nag itself walks the whole app)', () => {
    // A queue without a DLQ or SSL (AwsSolutions SQS3, SQS4): ignored in the stage without a standard, reported in the one with it.
    expect(() => tmpAppWithQueueIn('Prod').synth()).not.toThrow();
    expect(() => tmpAppWithQueueIn('Dev').synth()).toThrow(/Dev\/S\/Q\/Resource[\s\S]*AwsSolutions-SQS3/);
  });

  test('an explicit EcsChecks besides the standard\'s, registered before or after apply(), is named in a warning on a stack', () => {
    const warnings = (order: 'before' | 'after' | 'none') => {
      const app = tmpApp();
      if (order === 'before') Validations.of(app).addPlugins(new EcsChecks());
      ACME_NO_PACKS.apply(app);
      if (order === 'after') Validations.of(app).addPlugins(new EcsChecks());
      const stack = new Stack(app, 'Orders');
      new ssm.StringParameter(stack, 'P', { stringValue: 'v' });
      app.synth();
      return AssertAnnotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('checks-registered-twice')).map((w) => String(w.entry.data));
    };
    expect(warnings('before')).toEqual([expect.stringContaining('The app registers EcsChecks besides the one a DeploymentStandard registers')]);
    expect(warnings('after')).toHaveLength(1);
    expect(warnings('none')).toEqual([]);
  });

  test('two copies of cdk-ecs-kit loaded (a file: dependency with its own node_modules): a warning on a stack says how to install one', () => {
    const copies = (globalThis as unknown as Record<symbol, Set<string>>)[Symbol.for('cdk-ecs-kit.loadedCopies')];
    const warnings = () => {
      const app = tmpApp();
      ACME_NO_PACKS.apply(app);
      const stack = new Stack(app, 'Orders');
      new ssm.StringParameter(stack, 'P', { stringValue: 'v' });
      app.synth();
      return AssertAnnotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('loaded-twice')).map((w) => String(w.entry.data));
    };
    expect(warnings()).toEqual([]);
    copies.add('/work/org-standards/node_modules/cdk-ecs-kit');
    // A second copy with an aws-cdk-lib of its own: the cdk-nag packs it registers find nothing, which the warning says.
    const standards = fs.mkdtempSync(path.join(os.tmpdir(), 'org-standards-'));
    const ownKit = path.join(standards, 'node_modules', 'cdk-ecs-kit');
    const ownCdkLib = path.join(ownKit, 'node_modules', 'aws-cdk-lib');
    fs.mkdirSync(ownCdkLib, { recursive: true });
    fs.writeFileSync(path.join(ownCdkLib, 'package.json'), JSON.stringify({ name: 'aws-cdk-lib', main: 'index.js' }));
    fs.writeFileSync(path.join(ownCdkLib, 'index.js'), '');
    try {
      expect(warnings()).toEqual([expect.stringMatching(/cdk-ecs-kit is loaded from 2 places \(.*\/work\/org-standards\/node_modules\/cdk-ecs-kit.*install-links=true in the app's \.npmrc\. \[ack: cdk-ecs-kit:loaded-twice\]$/)]);
      copies.add(ownKit);
      const twice = warnings();
      expect(twice).toEqual([expect.stringMatching(/\.npmrc\. aws-cdk-lib is loaded from 2 places too \(.*finds nothing/)]);
      expect(twice[0]).toContain(fs.realpathSync(ownCdkLib));
    } finally {
      copies.delete('/work/org-standards/node_modules/cdk-ecs-kit');
      copies.delete(ownKit);
      fs.rmSync(standards, { recursive: true, force: true });
    }
  });

  test('one copy of the kit, but the app built on another aws-cdk-lib (a file: linked platform package): a warning at apply() says so', () => {
    let OtherApp: typeof App | undefined;
    // A fresh module registry: a second aws-cdk-lib, as the app's own node_modules holds next to the linked package's.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      OtherApp = require('aws-cdk-lib').App;
    });
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const foreign = new OtherApp!();
      expect(foreign instanceof App).toBe(false);
      ACME_NO_PACKS.apply(foreign);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^\[WARNING\] cdk-ecs-kit:aws-cdk-lib-loaded-twice: the app is built with another copy of aws-cdk-lib .*install-links=true/));
      // The app's own copy: no warning.
      warn.mockClear();
      ACME_NO_PACKS.apply(tmpApp());
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });

  test('the standard applied with one copy of the kit is the one constructs of another copy read', () => {
    let other: typeof import('../../src/standards/applied-standard') | undefined;
    // A fresh module registry: the second copy's own module-level state, as a nested node_modules copy has.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      other = require('../../src/standards/applied-standard');
    });
    const app = tmpApp();
    ACME_NO_PACKS.apply(app);
    const stage = new Stage(app, 'Prod');
    expect(other!.appliedStandard(new Stack(stage, 'Orders'))).toBe(ACME_NO_PACKS.props);
    expect(other!.appliedStandard(new Stack(tmpApp(), 'Elsewhere'))).toBeUndefined();
  });

  test('apply() does not add a pack the app already runs (each finding would be reported twice)', () => {
    const app = tmpApp();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    const spy = jest.spyOn(Validations.prototype, 'addPlugins');
    DeploymentStandard.BASELINE.extend({ nagPacks: [NagPack.AWS_SOLUTIONS, NagPack.HIPAA_SECURITY] }).apply(app);
    expect(spy.mock.calls.flat().map((p) => p.name)).toEqual(['cdk-ecs-kit', 'HIPAA.Security']);
    spy.mockRestore();
  });

  test('a pack the app adds by hand after apply() is named in a warning: each of its findings would be reported twice', () => {
    const warnings = (order: 'before' | 'after') => {
      const app = tmpApp();
      if (order === 'before') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      DeploymentStandard.BASELINE.extend({ nagPacks: [NagPack.AWS_SOLUTIONS] }).apply(app);
      if (order === 'after') Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
      const stack = new Stack(app, 'Orders');
      new ssm.StringParameter(stack, 'P', { stringValue: 'v' });
      app.synth();
      return AssertAnnotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('pack-registered-twice')).map((w) => String(w.entry.data));
    };
    expect(warnings('after')).toEqual([expect.stringMatching(/^The app registers AwsSolutions more than once: every finding of it is reported twice\. /)]);
    expect(warnings('before')).toEqual([]);
  });

  test('a consuming app that breaks the standard fails synth, naming construct, rule and fix', () => {
    const app = breakingApp();
    let printed = '';
    try {
      app.synth();
    } catch (e) {
      printed = (e as Error).message;
    }
    expect(printed).toContain("Acknowledge with 'cdk-ecs-kit::ORG-IMG-01'");
    for (const text of [
      "[ORG-TAG-01] AWS::ECS::TaskDefinition is missing required tag(s) 'team' of standard 'acme-platform' 1.0.0 at Orders/Big/TaskDefinition",
      "Add Tags.of(scope).add('team', VALUE)",
      "[ORG-FG-01] Fargate task size cpu 4096 / memory 8192 MiB is not allowed by standard 'acme-platform' 1.0.0 at Orders/Big/TaskDefinition",
      '[ORG-FG-02] Task cpu 4096 (4 vCPU) is above the 2 vCPU maximum',
      "[ORG-IMG-01] Container app image 'nginx:1.27' (a public image from Docker Hub) is not from a source that standard 'acme-platform' 1.0.0 allows at Orders/Big/TaskDefinition",
      'Copy the image into an allowed registry',
      "[ORG-LOG-01] Log group retention 7 days is shorter than the 365 days standard 'acme-platform' 1.0.0 requires at Orders/Big/Logs",
    ]) expect(printed).toContain(text);
  });

  test('acknowledged violations pass, and their reasons show in the report', () => {
    const report = StandardTesting.synthReport(breakingApp(true));
    expect(report.findings.filter((f) => f.ruleId.startsWith('ORG-'))).toEqual([]);
    const acks = report.acknowledged.map((a) => `${a.finding.ruleId} ${a.finding.path}: ${a.reason}`).sort();
    expect(acks).toEqual(expect.arrayContaining([
      'ORG-FG-01 Orders/Big/TaskDefinition/Resource: Batch re-index needs 4 vCPU; approved by platform (PLAT-12) until 2027-03.',
      'ORG-IMG-01 Orders/Big/TaskDefinition/Resource: Vendor image being mirrored into ECR (PLAT-13).',
      'ORG-LOG-01 Orders/Big/Logs/Resource: Debug-only task, logs hold no audit data (PLAT-14).',
      'ORG-TAG-01 Orders/Big/TaskDefinition/Resource: Team tag is added by the deployment pipeline (ticket PLAT-7).',
    ]));
  });
});

describe('StandardTesting', () => {
  test('synthReport() returns every finding as data', () => {
    const findings = StandardTesting.synthFindings(breakingApp());
    expect(findings.filter((f) => f.plugin === 'cdk-ecs-kit' && f.ruleId.startsWith('ORG-')).map((f) => f.ruleId).sort())
      .toEqual(expect.arrayContaining(['ORG-FG-01', 'ORG-FG-02', 'ORG-IMG-01', 'ORG-LOG-01', 'ORG-TAG-01']));
  });

  test('synthReport() includes the kit\'s warning annotations (KIT-*) with and without a standard, once each (found by a user trial)', () => {
    for (const withStandard of [false, true]) {
      const app = tmpApp();
      if (withStandard) ACME_NO_PACKS.apply(app);
      const stack = new Stack(app, 'Orders');
      // Port 80 with the kit's non-root default user: KIT-TASK-PRIVILEGED-PORT, a construct warning.
      const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), portMappings: [{ containerPort: 80 }] } });
      new WorkerService(stack, 'Worker', { cluster: new ecs.Cluster(stack, 'Cluster'), task });
      const kit = StandardTesting.synthFindings(app).filter((f) => f.ruleId === 'KIT-TASK-PRIVILEGED-PORT');
      expect(kit).toEqual([expect.objectContaining({ plugin: 'cdk-ecs-kit', path: 'Orders/Task', severity: 'warning', message: expect.stringMatching(/^\[KIT-TASK-PRIVILEGED-PORT\] /) })]);
    }
  });

  test('a kit construct check that stops synth before the plugins run comes back as its finding, not as an exception', () => {
    const app = tmpApp();
    ACME_NO_PACKS.apply(app);
    const stack = new Stack(app, 'Orders');
    const td = new ecs.FargateTaskDefinition(stack, 'Td', { cpu: 512, memoryLimitMiB: 3000 });
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/nginx:1.27') });
    new WorkerService(stack, 'Worker', { cluster: new ecs.Cluster(stack, 'Cluster'), taskDefinition: td });
    const findings = StandardTesting.synthFindings(app);
    expect(findings).toEqual([expect.objectContaining({
      plugin: 'cdk-ecs-kit',
      ruleId: 'ECS-TD-01',
      path: 'Orders/Td',
      severity: 'error',
      message: expect.stringMatching(/^\[ECS-TD-01\] Fargate task cpu 512 does not allow memory 3000 MiB at Orders\/Td/),
    })]);
    // Any other synth error still throws, also beside a construct check's.
    new ecs.FargateService(stack, 'S', { cluster: new ecs.Cluster(stack, 'C'), taskDefinition: new ecs.FargateTaskDefinition(stack, 'Empty') });
    expect(() => StandardTesting.synthFindings(app)).toThrow(/\[Orders\/S\] A TaskDefinition must have at least one essential container/);
  });

  test('ORG-TAG-01 inside a Stage points at the stage: tags on the app stop at a Stage', () => {
    const app = tmpApp();
    ACME_NO_PACKS.apply(app);
    Tags.of(app).add('team', 'orders');
    Tags.of(app).add('cost-center', 'cc-1');
    const stack = new Stack(new Stage(app, 'Prod'), 'Orders');
    new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(ORDERS_IMAGE_FOR_TESTS) } });
    const tag = StandardTesting.synthFindings(app).filter((f) => f.ruleId === 'ORG-TAG-01');
    expect(tag.length).toBeGreaterThan(0);
    expect(tag[0].message).toContain('on the construct, its stack or its Stage (tags on the app stop at a Stage)');
  });

  test('normalizeTemplate() replaces asset hashes where CDK writes them, and nothing else (a digest or a 64-hex value of the app stays: found by a user trial)', () => {
    const hash = 'ab'.repeat(32);
    const image = `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/cdk-hnb659fds-container-assets-\${AWS::AccountId}-\${AWS::Region}:${hash}`;
    expect(StandardTesting.normalizeTemplate({
      Code: { S3Key: `${hash}.zip` },
      [hash]: 1,
      Image: { 'Fn::Sub': image },
      Path: `asset.${hash}`,
      Digest: `public.ecr.aws/x/worker@sha256:${hash}`,
      Value: hash,
      Tag: 'orders-worker:0.0.0',
      Cidr: '0.0.0.0/0',
      n: 3,
    })).toEqual({
      'Code': { S3Key: '<asset-hash>.zip' },
      '<asset-hash>': 1,
      'Image': { 'Fn::Sub': image.replace(hash, '<asset-hash>') },
      'Path': 'asset.<asset-hash>',
      'Digest': `public.ecr.aws/x/worker@sha256:${hash}`,
      'Value': hash,
      'Tag': 'orders-worker:0.0.0',
      'Cidr': '0.0.0.0/0',
      'n': 3,
    });
  });
});
