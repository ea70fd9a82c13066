import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsChecks, QuotaProfile } from '../../src';
import { ALL_RULES } from '../../src/rules';
import * as loader from '../../src/rules/assembly-loader';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';

/** A parent stack with a NestedStack (Inner) and a NestedStack in that (Inner/Deeper). */
export function nestedApp(options: { bad: boolean; outdir?: string; context?: Record<string, unknown> }): App {
  const app = new App({ outdir: options.outdir, context: options.context });
  const parent = new Stack(app, 'Parent');
  const vpc = new ec2.Vpc(parent, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(parent, 'Cluster', { vpc });
  const inner = new NestedStack(parent, 'Inner');
  const td = new ecs.FargateTaskDefinition(inner, 'Td', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), memoryLimitMiB: 512, healthCheck: { command: ['CMD', 'true'] } });
  // A service in the nested stack on the parent's cluster: its references arrive as parameters.
  new ecs.FargateService(inner, 'Service', { cluster, taskDefinition: td, minHealthyPercent: 100 });
  const deeper = new NestedStack(inner, 'Deeper');
  const td2 = new ecs.FargateTaskDefinition(deeper, 'Td2', { cpu: 256, memoryLimitMiB: 512 });
  td2.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), memoryLimitMiB: 512, healthCheck: { command: ['CMD', 'true'] } });
  if (options.bad) {
    (td.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('Memory', '3000');
    (td2.node.defaultChild as ecs.CfnTaskDefinition).addPropertyOverride('ContainerDefinitions.0.HealthCheck.Retries', 11);
  }
  return app;
}

// CloudFormation checks a nested stack's template like any other: the QT-06/QT-07 fixes even suggest moving
// resources into nested stacks, so their templates must not escape the rules.
describe('EcsChecks on nested stacks', () => {
  test('findings inside a NestedStack and a NestedStack in it fail synth, named by construct path', () => {
    const app = nestedApp({ bad: true });
    Validations.of(app).addPlugins(new EcsChecks());
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(() => app.synth()).toThrow(/ECS-TD-01[\s\S]*does not allow memory 3000 MiB at Parent\/Inner\/Td;[\s\S]*ECS-CT-07[\s\S]*at Parent\/Inner\/Deeper\/Td2;/);
    } finally {
      errors.mockRestore();
    }
  });

  test('check() reports each nested stack as a stack of its own; the rendered templates are used, not re-read', () => {
    const read = jest.spyOn(loader, 'readJsonTemplate');
    try {
      const report = EcsChecks.check(nestedApp({ bad: true }));
      expect(report.findings.map((f) => [f.ruleId, f.stack, f.path])).toEqual([
        ['ECS-TD-01', 'Parent/Inner', 'Parent/Inner/Td'],
        ['ECS-CT-07', 'Parent/Inner/Deeper', 'Parent/Inner/Deeper/Td2'],
      ]);
      expect(read).not.toHaveBeenCalled();
    } finally {
      read.mockRestore();
    }
  });

  test('a valid app with nested stacks has no findings, and its references to the parent raise none', () => {
    expect(EcsChecks.check(nestedApp({ bad: false })).findings).toEqual([]);
  });

  // With validateAgainstDefaultRules (what cdk init sets), EcsChecks leaves rules like ECS-TD-01 to aws-cdk-lib's
  // built-in validator, which does not read nested templates: there they still run.
  test('rules the built-in validator overlaps still run on nested stacks when it fails synth', () => {
    const previous = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    try {
      const report = EcsChecks.check(nestedApp({ bad: true, context: { '@aws-cdk/core:validateAgainstDefaultRules': true } }));
      expect(report.findings.map((f) => [f.ruleId, f.path])).toEqual(expect.arrayContaining([['ECS-TD-01', 'Parent/Inner/Td']]));
    } finally {
      process.env.CDK_VALIDATION = previous;
    }
  });

  // aws-cdk-lib passes a parent's resource into a NestedStack as a parameter of the AWS::CloudFormation::Stack
  // resource, and a nested resource out as an output read with Fn::GetAtt [StackResource, Outputs.Name].
  test('references across the nesting resolve: services in a NestedStack count toward the parent\'s cluster', () => {
    const build = (outdir?: string) => {
      const app = new App({ outdir });
      const parent = new Stack(app, 'Parent');
      const cluster = new ecs.Cluster(parent, 'Cluster', { vpc: new ec2.Vpc(parent, 'Vpc', { maxAzs: 2, natGateways: 1 }) });
      const inner = new NestedStack(parent, 'Inner');
      for (const n of ['A', 'B', 'C', 'D']) {
        const td = new ecs.FargateTaskDefinition(inner, `${n}Td`);
        td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx'), memoryLimitMiB: 512 });
        new ecs.FargateService(inner, n, { cluster, taskDefinition: td, minHealthyPercent: 100 });
      }
      return app;
    };
    const quotas = QuotaProfile.current().withOverrides({ servicesPerCluster: 3 });
    const report = EcsChecks.check(build(), { quotas });
    expect(report.findings.map((f) => f.ruleId)).toEqual(['ECS-QT-02']);
    expect(report.findings[0].message).toContain('Cluster Parent/Cluster has 4 services');
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-param-'));
    build(outdir).synth();
    const [assembly] = loader.loadCloudAssembly(outdir);
    expect(runRules(new AssemblyModel(assembly.stacks), { rules: ALL_RULES, quotas }).map((f) => f.ruleId)).toEqual(['ECS-QT-02']);
  });

  test('a parent reads a nested stack\'s output through Fn::GetAtt [StackResource, Outputs.Name]', () => {
    const model = new AssemblyModel([
      { name: 'P', template: { Resources: { Inner: { Type: 'AWS::CloudFormation::Stack' }, S: { Type: 'AWS::ECS::Service', Properties: { Cluster: { 'Fn::GetAtt': ['Inner', 'Outputs.ClusterOut'] } } } } } },
      { name: 'P/Inner', nestedIn: { parent: 'P', logicalId: 'Inner' }, template: { Resources: { C: { Type: 'AWS::ECS::Cluster' } }, Outputs: { ClusterOut: { Value: { Ref: 'C' } } } } },
    ]);
    const [parent, nested] = model.stacks;
    expect(model.resolveResource(parent.resource('S')!.properties.Cluster, parent)).toBe(nested.resource('C'));
  });

  test('the CLI finds the same nested stacks in the written assembly, with and without asset metadata', () => {
    for (const context of [{}, { 'aws:cdk:enable-asset-metadata': true, 'aws:cdk:enable-path-metadata': true }]) {
      const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'nested-'));
      nestedApp({ bad: true, outdir, context }).synth();
      const [assembly] = loader.loadCloudAssembly(outdir);
      expect(assembly.stacks.map((s) => path.basename(s.file ?? ''))).toEqual([
        'Parent.template.json', expect.stringMatching(/^ParentInner.*\.nested\.template\.json$/), expect.stringMatching(/^ParentInnerDeeper.*\.nested\.template\.json$/),
      ]);
    }
  });
});
