import * as fs from 'fs';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsChecks, QuotaProfile, Severity } from '../../src';
import * as loader from '../../src/rules/assembly-loader';

function appWithOverriddenSize(memory: string): { app: App; stack: Stack; td: ecs.FargateTaskDefinition } {
  const app = new App();
  const stack = new Stack(app, 'MyStack');
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
  // The escape hatch bypasses aws-cdk-lib's own checks.
  (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Memory', memory);
  return { app, stack, td };
}

describe('EcsChecks plugin', () => {
  test('fails synth on a Fargate size made invalid through addPropertyOverride', () => {
    const { app } = appWithOverriddenSize('4096');
    Validations.of(app).addPlugins(new EcsChecks());
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => app.synth()).toThrow(/ECS-TD-01[\s\S]*Fargate task cpu 256 does not allow memory 4096 MiB at MyStack\/TaskDef; allowed: 512, 1024, 2048/);
    } finally {
      errors.mockRestore();
    }
  });

  test('reads the templates synth rendered instead of the files, with the same findings', () => {
    const run = (keep: boolean) => {
      const { app } = appWithOverriddenSize('4096');
      const plugin = new EcsChecks();
      Validations.of(app).addPlugins(plugin);
      const validate = plugin.validate.bind(plugin);
      let report: any;
      const read = jest.spyOn(loader, 'readJsonTemplate');
      // Without an app construct the plugin cannot find the stacks: the files are read (as in a CLI run).
      jest.spyOn(plugin, 'validate').mockImplementation((ctx) => (report = validate(keep ? ctx : { ...ctx, appConstruct: undefined as any })));
      const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
      try {
        expect(() => app.synth()).toThrow(/ECS-TD-01/);
      } finally {
        errors.mockRestore();
      }
      const templateReads = read.mock.calls.filter(([file]) => String(file).endsWith('MyStack.template.json')).length;
      read.mockRestore();
      return { report, templateReads };
    };
    const kept = run(true);
    const fromFile = run(false);
    expect(kept.templateReads).toBe(0);
    expect(fromFile.templateReads).toBe(1);
    expect(kept.report).toEqual(fromFile.report);
    expect(kept.report.violations).toEqual([expect.objectContaining({ ruleName: 'ECS-TD-01' })]);
  });

  test('passes synth when the size is valid', () => {
    const { app } = appWithOverriddenSize('1024');
    Validations.of(app).addPlugins(new EcsChecks());
    expect(() => app.synth()).not.toThrow();
  });

  test('check() returns findings as data; acknowledge() moves them to acknowledged with the reason', () => {
    const { app, td } = appWithOverriddenSize('4096');
    let report = EcsChecks.check(app);
    expect(report.findings).toEqual([expect.objectContaining({
      ruleId: 'ECS-TD-01', severity: 'error', stack: 'MyStack', path: 'MyStack/TaskDef', property: 'Properties/Memory', value: '"4096"',
    })]);
    expect(report.errorCount).toBe(1);

    const acked = appWithOverriddenSize('4096');
    Validations.of(acked.td).acknowledge({ id: 'ECS-TD-01', reason: 'sized by the platform team on purpose' });
    report = EcsChecks.check(acked.app);
    expect(report.findings).toEqual([]);
    expect(report.acknowledged).toEqual([expect.objectContaining({
      reason: 'sized by the platform team on purpose', acknowledgedAt: 'MyStack/TaskDef', finding: expect.objectContaining({ ruleId: 'ECS-TD-01' }),
    })]);
    expect(td).toBeDefined();
  });

  test('an acknowledged error no longer fails synth, and the report lists it as acknowledged', () => {
    const { app, td } = appWithOverriddenSize('4096');
    Validations.of(td).acknowledge({ id: 'ECS-TD-01', reason: 'on purpose' });
    Validations.of(app).addPlugins(new EcsChecks());
    const asm = app.synth();
    const report = JSON.parse(fs.readFileSync(`${asm.directory}/validation-report.json`, 'utf8'));
    const ours = report.pluginReports.find((p: any) => p.pluginName === 'cdk-ecs-kit');
    expect(ours.violations).toEqual([]);
    expect(ours.suppressedViolations).toEqual([expect.objectContaining({ ruleName: 'ECS-TD-01', reason: 'on purpose', acknowledgedAt: 'MyStack/TaskDef' })]);
  });

  test('disabled rules and severity overrides apply; unknown ids are rejected', () => {
    expect(EcsChecks.check(appWithOverriddenSize('4096').app, { disabledRules: ['ECS-TD-01'] }).findings).toEqual([]);
    const warned = EcsChecks.check(appWithOverriddenSize('4096').app, { severityOverrides: { 'ECS-TD-01': Severity.WARNING } });
    expect(warned.findings[0].severity).toBe('warning');
    expect(warned.errorCount).toBe(0);
    expect(() => new EcsChecks({ disabledRules: ['ECS-NOPE-99'] })).toThrow(/unknown rule id 'ECS-NOPE-99'/);
    expect(() => new EcsChecks({ quotas: QuotaProfile.legacy() })).not.toThrow();
  });

  test('rules covered by the built-in validator are left to it only while it fails synth (validator on and the context flag set)', () => {
    const previous = process.env.CDK_VALIDATION;
    process.env.CDK_VALIDATION = 'true';
    try {
      // Flag unset: the validator only warns, so EcsChecks reports the error itself.
      expect(EcsChecks.check(appWithOverriddenSize('4096').app).findings.map((f) => f.ruleId)).toContain('ECS-TD-01');
    } finally {
      process.env.CDK_VALIDATION = previous;
    }
  });
});

describe('acknowledgements on the L1 resource', () => {
  test('an acknowledgement on the CfnTaskDefinition covers its finding, in check() and in the synth report', () => {
    const { app, td } = appWithOverriddenSize('4096');
    Validations.of(td.node.defaultChild!).acknowledge({ id: 'ECS-TD-01', reason: 'acknowledged on the L1' });
    expect(EcsChecks.check(app).acknowledged.map((a) => a.reason)).toEqual(['acknowledged on the L1']);

    const synthApp = appWithOverriddenSize('4096');
    Validations.of(synthApp.td.node.defaultChild!).acknowledge({ id: 'ECS-TD-01', reason: 'acknowledged on the L1' });
    Validations.of(synthApp.app).addPlugins(new EcsChecks());
    const asm = synthApp.app.synth();
    const report = JSON.parse(fs.readFileSync(`${asm.directory}/validation-report.json`, 'utf8'));
    const ours = report.pluginReports.find((p: any) => p.pluginName === 'cdk-ecs-kit');
    expect(ours.suppressedViolations).toEqual([expect.objectContaining({ ruleName: 'ECS-TD-01', reason: 'acknowledged on the L1' })]);
  });
});

describe('warnings', () => {
  test('are reported in the validation report but do not fail synth', () => {
    const app = new App();
    const stack = new Stack(app, 'Warn');
    const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
    // memoryReservation equal to the hard limit: accepted by ECS, flagged as ECS-CT-24 (warning).
    td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256, memoryReservationMiB: 256 });
    Validations.of(app).addPlugins(new EcsChecks());
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let dir: string;
    try {
      dir = app.synth().directory;
    } finally {
      errors.mockRestore();
    }
    const report = JSON.parse(fs.readFileSync(`${dir}/validation-report.json`, 'utf8'));
    const ours = report.pluginReports.find((p: any) => p.pluginName === 'cdk-ecs-kit');
    expect(ours.conclusion).toBe('success');
    expect(ours.violations).toEqual([expect.objectContaining({ ruleName: 'ECS-CT-24', severity: 'warning' })]);
  });
});
