/**
 * Rules look a resource's construct path up only to name it in a finding. Without path metadata (app.synth()
 * in jest, the kit's construct checks at synth) each lookup can cost a walk of the construct tree, so a clean
 * app must cost none.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { buildExampleApp } from '../../examples/app';
import { buildOrdersApp } from '../../examples/org-standard/app/orders-app';
import { EcsCluster, FargateTask, WebService, WorkerService } from '../../src';
import { ALL_RULES } from '../../src/rules';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel, CfnTemplate } from '../../src/rules/model';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27');

/** A clean kit app: a web service, and a worker with a secret and a queue. */
function cleanTemplate(): CfnTemplate {
  const app = new App();
  const stack = new Stack(app, 'Clean');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  const web = new FargateTask(stack, 'WebTask', { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] } });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Cert', 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555');
  new WebService(stack, 'Web', { cluster, task: web, certificate, accessLogs: false });
  const secret = new secretsmanager.Secret(stack, 'Secret');
  const worker = new FargateTask(stack, 'WorkerTask', { container: { image: IMAGE, secrets: { TOKEN: ecs.Secret.fromSecretsManager(secret) } } });
  new WorkerService(stack, 'Worker', { cluster, task: worker, queue: new sqs.Queue(stack, 'Queue', { enforceSSL: true }) });
  return app.synth().getStackByName('Clean').template as CfnTemplate;
}

describe('construct paths are looked up only for findings', () => {
  test('every rule over a clean kit stack without path metadata asks for no path', () => {
    const template = cleanTemplate();
    expect(Object.values(template.Resources ?? {}).some((r) => r.Metadata?.['aws:cdk:path'])).toBe(false);
    const asked: string[] = [];
    const model = new AssemblyModel([{ name: 'Clean', template, constructPathOf: (id) => { asked.push(id); return `Clean/${id}`; } }]);
    const findings = runRules(model, { rules: ALL_RULES });
    expect(findings.map((f) => f.ruleId)).toEqual([]);
    expect(asked).toEqual([]);
  });

  test.each([
    ['the example app: EC2 capacity, daemons, jobs, Service Connect, ECR repositories', (app: App) => buildExampleApp(app)],
    ['the org-standard example: a standard, ECR-URI images, workers', (app: App) => { buildOrdersApp(app); }],
  ])('nor over %s', (_name, build) => {
    const app = new App();
    build(app);
    const asked: string[] = [];
    const stacks = app.synth().stacks.map((s) => ({ name: s.stackName, template: s.template as CfnTemplate, constructPathOf: (id: string) => { asked.push(`${s.stackName}/${id}`); return undefined; } }));
    expect(runRules(new AssemblyModel(stacks), { rules: ALL_RULES }).map((f) => `${f.ruleId} ${f.logicalId}`)).toEqual([]);
    expect(asked).toEqual([]);
  });

  test('a finding still names its resource by construct path', () => {
    const template = cleanTemplate();
    const task = Object.entries(template.Resources ?? {}).find(([, r]) => r.Type === 'AWS::ECS::TaskDefinition')!;
    (task[1].Properties as Record<string, unknown>).Memory = '9999';
    const model = new AssemblyModel([{ name: 'Clean', template, constructPathOf: (id) => (id === task[0] ? 'Clean/WebTask/TaskDefinition' : undefined) }]);
    expect(runRules(model, { rules: ALL_RULES }).map((f) => f.path)).toContain('Clean/WebTask/TaskDefinition');
  });
});
