import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsChecks, EcsCluster, FargateTask, QuotaProfile, WorkerService } from '../../src';
import { ALL_RULES } from '../../src/rules';
import { loadCloudAssembly } from '../../src/rules/assembly-loader';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';

const QUOTAS = QuotaProfile.current().withOverrides({ servicesPerCluster: 3 });

/** A network stack with a cluster, and 4 workers in another stack: one more than a 3-services-per-cluster quota. */
function app(strength: 'weak' | 'strong', outdir?: string): App {
  const a = new App({ outdir, context: { '@aws-cdk/core:defaultCrossStackReferences': strength } });
  const net = new Stack(a, 'Net');
  const vpc = new ec2.Vpc(net, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(net, 'Cluster', { vpc });
  const apps = new Stack(a, 'Apps');
  for (const n of ['A', 'B', 'C', 'D']) {
    new WorkerService(apps, n, { cluster, task: new FargateTask(apps, `${n}Task`, { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.37') } }) });
  }
  return a;
}

// `cdk init` (aws-cdk-lib 2.276) sets @aws-cdk/core:defaultCrossStackReferences to "weak": references between
// stacks become Fn::GetStackOutput { StackName, OutputName } instead of Fn::ImportValue.
describe('weak cross-stack references (Fn::GetStackOutput)', () => {
  test('the services count toward the cluster of the other stack, as with strong references', () => {
    for (const strength of ['weak', 'strong'] as const) {
      const report = EcsChecks.check(app(strength), { quotas: QUOTAS });
      expect(report.findings.map((f) => f.ruleId)).toEqual(['ECS-QT-02']);
      expect(report.findings[0].message).toContain('Cluster Net/Cluster/Cluster has 4 services');
    }
  });

  test('the weak template really uses Fn::GetStackOutput, and the CLI resolves it from the assembly', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'weak-'));
    app('weak', outdir).synth();
    expect(fs.readFileSync(path.join(outdir, 'Apps.template.json'), 'utf8')).toContain('"Fn::GetStackOutput"');
    const [assembly] = loadCloudAssembly(outdir);
    const findings = runRules(new AssemblyModel(assembly.stacks), { rules: ALL_RULES, quotas: QUOTAS });
    expect(findings.map((f) => f.ruleId)).toEqual(['ECS-QT-02']);
  });

  test('an output of a stack outside the assembly, or of no stack name, resolves to nothing', () => {
    const template = (StackName: unknown) => ({ Resources: { S: { Type: 'AWS::ECS::Service', Properties: { Cluster: { 'Fn::GetStackOutput': { StackName, OutputName: 'O' } } } } } });
    const model = new AssemblyModel([
      { name: 'P', stackName: 'P', template: { Resources: { C: { Type: 'AWS::ECS::Cluster' } }, Outputs: { O: { Value: { Ref: 'C' } } } } },
      { name: 'A', template: template('P') },
      { name: 'B', template: template('Elsewhere') },
      { name: 'D', template: template({ Ref: 'Param' }) },
    ]);
    const cluster = (stack: number) => model.resolveResource(model.stacks[stack].resources[0].properties.Cluster, model.stacks[stack]);
    expect(cluster(1)?.logicalId).toBe('C');
    expect(cluster(2)).toBeUndefined();
    expect(cluster(3)).toBeUndefined();
  });
});
