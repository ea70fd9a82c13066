/** docs/migrate-ecs-patterns.md's before/after sample, kept compiling, synthesizing and checked with the baseline guard. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildWithKit, buildWithPatterns } from '../../examples/migrate/ecs-patterns';
import { main } from '../../src/cli/main';

function synth(build: (app: App) => unknown): { dir: string; template: Template } {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'migrate-patterns-')), context: { 'aws:cdk:enable-path-metadata': true } });
  build(app);
  const assembly = app.synth();
  return { dir: assembly.directory, template: Template.fromJSON(assembly.getStackByName('Orders').template) };
}

const before = synth(buildWithPatterns);
const after = synth(buildWithKit);

test('the patterns and the kit build the same four workloads', () => {
  for (const t of [before.template, after.template]) {
    t.resourceCountIs('AWS::ECS::Service', 3);
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 2);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Port: 443, Protocol: 'HTTPS' });
    t.hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', { MinCapacity: 2, MaxCapacity: 10 });
    t.hasResourceProperties('AWS::SQS::Queue', { VisibilityTimeout: 120 });
  }
  // The schedule moves from an EventBridge rule to EventBridge Scheduler; the NLB listener from TCP to TLS.
  before.template.resourceCountIs('AWS::Events::Rule', 1);
  after.template.resourceCountIs('AWS::Scheduler::Schedule', 1);
  before.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TCP' });
  after.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TLS' });
  // The kit renders a capacity provider strategy, never LaunchType.
  before.template.hasResourceProperties('AWS::ECS::Service', { LaunchType: 'FARGATE' });
  for (const s of Object.values(after.template.findResources('AWS::ECS::Service'))) {
    expect(s.Properties.LaunchType).toBeUndefined();
    expect(s.Properties.CapacityProviderStrategy).toBeDefined();
  }
});

test('check --baseline warns about each service the move replaces, and nothing else', () => {
  let stdout = '';
  const code = main(['check', '--format', 'json', '--baseline', before.dir, after.dir], { stdout: (t) => { stdout += t; }, stderr: () => undefined });
  const findings = (JSON.parse(stdout) as { findings: { ruleId: string; path: string; message: string }[] }).findings.filter((f) => f.ruleId === 'ECS-RP-01');
  // Web and Tcp keep their logical ids (same construct path) but switch LaunchType to a strategy;
  // the queue worker's service moves from Worker/QueueProcessingFargateService/Service to Worker/Service: a new resource
  // while the old one is deleted, which the guard reports as a possible replacement.
  expect(findings.map((f) => f.path).sort()).toEqual(['Orders/Tcp/Service/Service', 'Orders/Web/Service/Service', 'Orders/Worker/Service/Service']);
  expect(findings.find((f) => f.path === 'Orders/Worker/Service/Service')!.message)
    .toMatch(/ECS service \w+ is created while the baseline's ECS service \w+ \(Orders\/Worker\/QueueProcessingFargateService\/Service\) is deleted/);
  expect(findings.map((f) => f.message).join('\n')).toContain('Changing LaunchType "FARGATE" to CapacityProviderStrategy');
  expect(code).toBe(0); // warnings: the check passes, the review is yours
});
