/**
 * The apps the security tests assert over: both example apps and the
 * default-props app, synthesized with construct paths in the template
 * metadata, and which resources the kit's own constructs created.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { Construct, IConstruct } from 'constructs';
import { buildExampleApp } from '../../examples/app';
import { buildOrdersApp } from '../../examples/org-standard/app/orders-app';
import * as kit from '../../src';
import { buildDefaultPropsStack, DEFAULTS_IMAGE } from '../fixtures/default-props-app';
import { fleetApp } from '../fleet/helpers';

export interface CfnResource {
  readonly Type: string;
  readonly Properties?: any;
  readonly Metadata?: Record<string, any>;
}

export interface SynthesizedResource {
  /** `<app>/<stack>/<logical id>`, for failure messages. */
  readonly where: string;
  /** Construct path from aws:cdk:path (undefined for resources without one). */
  readonly path?: string;
  /** Whether the resource lies inside an instance of a construct class the kit exports. */
  readonly kitOwned: boolean;
  readonly resource: CfnResource;
}

export interface SynthesizedApp {
  readonly name: string;
  readonly app: App;
  readonly resources: readonly SynthesizedResource[];
}

/** A fresh App that writes aws:cdk:path metadata into the templates. */
export function pathMetadataApp(): App {
  return new App({ context: { 'aws:cdk:enable-path-metadata': true } });
}

/** Every construct class exported from src. */
const KIT_CLASSES: Function[] = (Object.values(kit) as unknown[])
  .filter((v): v is Function => typeof v === 'function' && (v as Function).prototype instanceof Construct);

/** Construct paths of every kit construct instance under `root`. */
export function kitConstructPaths(root: IConstruct): string[] {
  return root.node.findAll().filter((c) => KIT_CLASSES.some((k) => c instanceof k)).map((c) => c.node.path);
}

/** Synthesize `app` and list every resource of every stack. */
export function synthesize(name: string, app: App): SynthesizedApp {
  const kitPaths = kitConstructPaths(app);
  const assembly = app.synth();
  const resources: SynthesizedResource[] = [];
  for (const stack of assembly.stacks) {
    for (const [logicalId, resource] of Object.entries<CfnResource>(stack.template.Resources ?? {})) {
      const path: string | undefined = resource.Metadata?.['aws:cdk:path'];
      const kitOwned = path !== undefined && kitPaths.some((p) => path.startsWith(`${p}/`));
      resources.push({ where: `${name}/${stack.stackName}/${logicalId}`, path, kitOwned, resource });
    }
  }
  return { name, app, resources };
}

let cached: SynthesizedApp[] | undefined;

/** Both example apps, the default-props app and a ServiceFleet app, synthesized once per test file. */
export function exampleApps(): SynthesizedApp[] {
  if (!cached) {
    const example = pathMetadataApp();
    buildExampleApp(example);
    const orders = pathMetadataApp();
    buildOrdersApp(orders);
    const defaults = pathMetadataApp();
    buildDefaultPropsStack(defaults);
    const fleet = fleetApp(['orders', 'billing'], {}, {}, pathMetadataApp()).app;
    cached = [synthesize('example', example), synthesize('orders', orders), synthesize('default-props', defaults), synthesize('fleet', fleet)];
  }
  return cached;
}

/** Every resource of the given CloudFormation types across `apps`. */
export function resourcesOfType(apps: readonly SynthesizedApp[], ...types: string[]): SynthesizedResource[] {
  return apps.flatMap((a) => a.resources.filter((r) => types.includes(r.resource.Type)));
}


/**
 * The grant surfaces the example apps do not reach: ECS Exec, the cluster and
 * repository grants, grantRunTask. Kept apart from the example apps so
 * that each `Resource: "*"` statement they add is visible in the IAM test.
 */
let grants: SynthesizedApp | undefined;

export function grantSurfacesApp(): SynthesizedApp {
  grants ??= buildGrantSurfaces();
  return grants;
}

function buildGrantSurfaces(): SynthesizedApp {
  const app = pathMetadataApp();
  const stack = new Stack(app, 'Grants');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new kit.EcsCluster(stack, 'Cluster', { vpc, enableExecuteCommand: true });
  const operator = new iam.Role(stack, 'Operator', { assumedBy: new iam.AccountRootPrincipal() });
  const task = new kit.FargateTask(stack, 'ExecTask', { container: { image: DEFAULTS_IMAGE } });
  new kit.WorkerService(stack, 'Exec', { cluster, task, enableExecuteCommand: true });
  cluster.grantDescribe(operator);
  cluster.grantOperate(operator);
  const repository = new kit.SecureRepository(stack, 'Repository');
  repository.grantPullPush(operator);
  const jobTask = new kit.FargateTask(stack, 'JobTask', { container: { image: DEFAULTS_IMAGE } });
  jobTask.grantRunTask(operator);
  new kit.ScheduledJob(stack, 'Job', { cluster, task: jobTask, schedule: scheduler.ScheduleExpression.rate(Duration.hours(1)) });
  return synthesize('grants', app);
}
