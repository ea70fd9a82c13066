/**
 * Stateful resources the kit creates are retained: a deleted stack, a
 * replaced resource or a removed construct must not delete images, logs,
 * keys, file systems or queued (dead) messages. Checked over the example
 * apps and an app with every kit construct and default props.
 */
import { App, CfnResource, Duration, Stack } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct, IConstruct } from 'constructs';
import { buildExampleApp } from '../../examples/app';
import { buildOrdersApp } from '../../examples/org-standard/app/orders-app';
import * as kit from '../../src';
import { fleetApp } from '../fleet/helpers';

const STATEFUL_TYPES = ['AWS::ECR::Repository', 'AWS::Logs::LogGroup', 'AWS::EFS::FileSystem', 'AWS::KMS::Key', 'AWS::SQS::Queue'];
const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const CERTIFICATE_ARN = 'arn:aws:acm:eu-west-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

/** Every construct class the kit exports. */
const KIT_CONSTRUCTS = Object.entries(kit)
  .filter(([, v]) => typeof v === 'function' && v.prototype instanceof Construct)
  .map(([name, v]) => ({ name, type: v as abstract new (...args: never[]) => Construct }));

/**
 * Shared constructs the kit adds at stack level (not inside one of its
 * constructs) carry this id prefix, e.g. the container-logs key.
 */
const KIT_STACK_LEVEL_ID = /^EcsKit/;

/**
 * Every kit construct with required props only (as test/compliance/default-props.compliance.test.ts),
 * plus the options that add state: execute-command logging, an internet-facing web service (WAF logs). BackendService needs a Cloud Map namespace: the example app has one.
 */
function defaultPropsApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Defaults');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new kit.EcsCluster(stack, 'Cluster', { vpc });
  cluster.addEc2Capacity('Ec2');
  new kit.EcsCluster(stack, 'ExecCluster', { vpc, enableExecuteCommand: true });
  const certificate = acm.Certificate.fromCertificateArn(stack, 'Certificate', CERTIFICATE_ARN);
  const web = (id: string) => new kit.FargateTask(stack, `${id}Task`, { container: { image: IMAGE, portMappings: [{ containerPort: 8080 }], scratchPaths: ['/tmp'] } });
  new kit.WebService(stack, 'Web', { cluster, task: web('Web'), certificate });
  new kit.WebService(stack, 'PublicWeb', { cluster, task: web('PublicWeb'), certificate, internetFacing: true });
  new kit.NetworkLoadBalancedService(stack, 'Nlb', { cluster, task: web('Nlb'), certificate });
  new kit.WorkerService(stack, 'Worker', { cluster, task: new kit.FargateTask(stack, 'WorkerTask', { container: { image: IMAGE } }) });
  new kit.ScheduledJob(stack, 'Job', {
    cluster, task: new kit.FargateTask(stack, 'JobTask', { container: { image: IMAGE } }), schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)),
  });
  new kit.DaemonService(stack, 'Agent', { cluster, task: new kit.Ec2Task(stack, 'AgentTask', { container: { image: IMAGE, scratchPaths: ['/tmp'] } }) });
  new kit.SecureRepository(stack, 'Repository');
  new kit.PullThroughCacheRule(stack, 'EcrPublicCache', { upstream: kit.UpstreamRegistry.ECR_PUBLIC });
  new kit.RegistryScanning(stack, 'Scanning');
  new kit.RegistryReplication(stack, 'Replication');
  kit.TaskDefinitionJson.fromObject(stack, 'Imported', {
    family: 'imported',
    requiresCompatibilities: ['FARGATE'],
    networkMode: 'awsvpc',
    cpu: '256',
    memory: '512',
    containerDefinitions: [{ name: 'app', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true }],
  });
  return app;
}

function apps(): App[] {
  const example = new App();
  buildExampleApp(example);
  const orders = new App();
  buildOrdersApp(orders);
  return [example, orders, defaultPropsApp(), fleetApp(['orders', 'billing']).app];
}

/** The kit construct a resource was created in, or the kit's stack-level id, or undefined for user code. */
function kitOwner(resource: IConstruct): string | undefined {
  for (const scope of resource.node.scopes.slice(0, -1).reverse()) {
    if (KIT_CONSTRUCTS.some((k) => scope instanceof k.type)) return scope.constructor.name;
    if (scope.node.scope && Stack.isStack(scope.node.scope) && KIT_STACK_LEVEL_ID.test(scope.node.id)) return scope.node.id;
  }
  return undefined;
}

interface StatefulResource { readonly path: string; readonly type: string; readonly owner?: string; readonly policies: string }

function statefulResources(app: App): StatefulResource[] {
  const out: StatefulResource[] = [];
  for (const c of app.node.findAll()) {
    if (!CfnResource.isCfnResource(c) || !STATEFUL_TYPES.includes(c.cfnResourceType)) continue;
    const r = Stack.of(c).resolve((c as any)._toCloudFormation()).Resources[Stack.of(c).getLogicalId(c)];
    out.push({ path: c.node.path, type: c.cfnResourceType, owner: kitOwner(c), policies: `DeletionPolicy ${r.DeletionPolicy} UpdateReplacePolicy ${r.UpdateReplacePolicy}` });
  }
  return out;
}

describe('stateful resources the kit creates', () => {
  const built = apps();
  const all = built.flatMap(statefulResources);
  const ours = all.filter((r) => r.owner);

  test('the apps instantiate every construct class the kit exports', () => {
    const seen = new Set(built.flatMap((a) => a.node.findAll()).flatMap((c) => KIT_CONSTRUCTS.filter((k) => c instanceof k.type).map((k) => k.name)));
    expect(KIT_CONSTRUCTS.length).toBeGreaterThan(10);
    expect(KIT_CONSTRUCTS.map((k) => k.name).filter((n) => !seen.has(n))).toEqual([]);
  });

  test('are found: repositories, log groups, keys and queues (the kit creates no EFS file system)', () => {
    const types = new Set(ours.map((r) => r.type));
    expect([...types].sort()).toEqual(['AWS::ECR::Repository', 'AWS::KMS::Key', 'AWS::Logs::LogGroup', 'AWS::SQS::Queue']);
    // Ownership is by construct: the example's own VPC flow-log key and log group are user code.
    expect(all.filter((r) => !r.owner).map((r) => r.path).sort()).toEqual([
      'EcsKitNetwork/VpcFlowLogKey/Resource', 'EcsKitNetwork/VpcFlowLogs/Resource', 'EcsKitServices/LogKey/Resource',
      'Orders/VpcFlowLogKey/Resource', 'Orders/VpcFlowLogs/Resource',
    ]);
    expect(ours.map((r) => r.path)).toEqual(expect.arrayContaining([
      'Orders/EcsKitContainerLogsKey/Resource', 'Defaults/ExecCluster/ExecuteCommandLogs/Resource', 'Defaults/PublicWeb/WebAclLogs/Resource',
      'EcsKitServices/Worker/DeadLetterQueue/Resource', 'EcsKitServices/Nightly/DeadLetterQueue/Resource', 'Defaults/Repository/Resource/Resource',
    ]));
  });

  test.each(STATEFUL_TYPES)('%s: DeletionPolicy and UpdateReplacePolicy Retain by default', (type) => {
    const wrong = ours.filter((r) => r.type === type && r.policies !== 'DeletionPolicy Retain UpdateReplacePolicy Retain');
    expect(wrong.map((r) => `${r.path} (in ${r.owner}): ${r.policies}`)).toEqual([]);
  });
});
