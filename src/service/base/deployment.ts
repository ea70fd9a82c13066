/**
 * ECS-native deployment strategies of a service: rolling (the default),
 * blue/green, linear and canary (DeploymentConfiguration.Strategy, ECS
 * deployment controller), with bake time, Lambda lifecycle hooks and a
 * forced-deployment nonce. Load-balancer wiring lives in deployment-load-balancing.ts.
 */
import { Duration, Token, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { fail } from '../../errors';

/** A Lambda function ECS invokes at deployment lifecycle stages. */
export interface DeploymentLifecycleHook {
  /** The function. It returns hookStatus SUCCEEDED, FAILED (rolls back) or IN_PROGRESS (called again). */
  readonly handler: lambda.IFunction;
  /** The stages at which ECS invokes it, at least one, each once. */
  readonly stages: ecs.DeploymentLifecycleStage[];
}

/** Options of a blue/green deployment. */
export interface BlueGreenDeploymentOptions {
  /**
   * Time both revisions keep running after all production traffic moved to
   * the new one. Deployment alarms still roll back during it. 0-1440 minutes.
   * @default - ECS's default bake time
   */
  readonly bakeTime?: Duration;
  /**
   * Lambda hooks run at lifecycle stages. A FAILED status rolls back. The kit
   * creates one role ECS assumes, allowed lambda:InvokeFunction on these functions only.
   * @default - no hooks
   */
  readonly lifecycleHooks?: DeploymentLifecycleHook[];
  /**
   * WebService: priority (1-50000) of the test listener rule, which sends
   * requests carrying the `x-amzn-ecs-blue-green-test` header to the new revision.
   * @default - 1 on the service's own load balancer (the production rule gets 2); required with a shared listener or a priority
   */
  readonly testListenerRulePriority?: number;
  /**
   * NetworkLoadBalancedService: port of a TLS test listener that reaches the
   * new revision before production traffic does (opened to listenerPeer).
   * @default - no test listener
   */
  readonly testListenerPort?: number;
}

/** Options of a linear or canary deployment. */
export interface TrafficShiftDeploymentOptions extends BlueGreenDeploymentOptions {
  /**
   * Percent of production traffic moved per step: linear 3-100, canary
   * 0.1-100 (the canary share before the rest moves), multiples of 0.1.
   * @default - ECS's default: 10 (linear), 5 (canary)
   */
  readonly stepPercent?: number;
  /**
   * Wait after each step, 0-1440 minutes.
   * @default - ECS's default: 6 minutes (linear), 10 minutes (canary)
   */
  readonly stepBakeTime?: Duration;
}

/**
 * How ECS replaces the tasks of a service (ECS deployment controller).
 * `rolling()` is the default and renders exactly what a service without
 * `deployment` renders.
 */
export class ServiceDeployment {
  /** Replace tasks in place, within minHealthyPercent / maxHealthyPercent. */
  public static rolling(): ServiceDeployment {
    return new ServiceDeployment(ecs.DeploymentStrategy.ROLLING, {});
  }

  /** Start the new revision beside the old one, test it, then move all traffic at once. */
  public static blueGreen(options: BlueGreenDeploymentOptions = {}): ServiceDeployment {
    return new ServiceDeployment(ecs.DeploymentStrategy.BLUE_GREEN, options);
  }

  /** Move production traffic to the new revision in equal steps. Needs a load balancer or Service Connect. */
  public static linear(options: TrafficShiftDeploymentOptions = {}): ServiceDeployment {
    return new ServiceDeployment(ecs.DeploymentStrategy.LINEAR, options);
  }

  /** Move a canary share of production traffic, wait, then the rest. Needs a load balancer or Service Connect. */
  public static canary(options: TrafficShiftDeploymentOptions = {}): ServiceDeployment {
    return new ServiceDeployment(ecs.DeploymentStrategy.CANARY, options);
  }

  /** The DeploymentConfiguration.Strategy. */
  public readonly strategy: ecs.DeploymentStrategy;
  /** The options given. */
  public readonly options: TrafficShiftDeploymentOptions;

  private constructor(strategy: ecs.DeploymentStrategy, options: TrafficShiftDeploymentOptions) {
    this.strategy = strategy;
    this.options = options;
  }

  /** Whether the new revision runs beside the old one and traffic moves between them (all but rolling). */
  public get shiftsTraffic(): boolean {
    return this.strategy !== ecs.DeploymentStrategy.ROLLING;
  }
}

/** What a service shape offers a deployment: where its traffic comes from. */
export interface DeploymentShape {
  readonly daemon: boolean;
  /** Whether the service shape attaches a load balancer (ALB or NLB). */
  readonly loadBalanced: boolean;
  /** Whether the service publishes a Service Connect endpoint (server mode). */
  readonly serviceConnectServer: boolean;
}

/** The lifecycle stage names ECS accepts (API DeploymentLifecycleHook.lifecycleStages). */
const STAGES: readonly string[] = Object.values(ecs.DeploymentLifecycleStage);
const MINUTES = { min: 0, max: 1440 };

/** ECS-DP-03 and option checks at construction; returns the BaseService props to render. */
export function deploymentProps(path: string, deployment: ServiceDeployment | undefined, nonce: string | undefined, shape: DeploymentShape) {
  const strategy = deployment?.strategy ?? ecs.DeploymentStrategy.ROLLING;
  const o = deployment?.options ?? {};
  if (shape.daemon && strategy !== ecs.DeploymentStrategy.ROLLING) {
    // ECS documents blue/green, linear and canary for REPLICA services only (ECS-DP-02 warns on templates).
    deploymentError(path, 'strategy', `${strategy} is set on a daemon service`,
      'ServiceDeployment.rolling() for DaemonService: one task per instance leaves no room for a second revision',
      'Remove deployment, or run the workload as a replica service (WorkerService, BackendService) to use blue/green.');
  }
  const trafficShift = strategy === ecs.DeploymentStrategy.LINEAR || strategy === ecs.DeploymentStrategy.CANARY;
  if (trafficShift && !shape.loadBalanced && !shape.serviceConnectServer) {
    fail({
      code: 'ECS-DP-03',
      path,
      problem: `deployment ${strategy} is set on a service without a load balancer or a Service Connect endpoint`,
      allowed: 'LINEAR and CANARY with an ALB/NLB (WebService, NetworkLoadBalancedService) or Service Connect server mode (BackendService, serviceConnect.portMappingName); BLUE_GREEN and ROLLING anywhere',
      fix: 'Use ServiceDeployment.blueGreen(), publish a Service Connect port (serviceConnect.portMappingName), or put the service behind a load balancer.',
    });
  }
  if (trafficShift) checkStepPercent(path, strategy, o.stepPercent);
  checkMinutes(path, 'deployment.bakeTime', o.bakeTime);
  checkMinutes(path, 'deployment.stepBakeTime', o.stepBakeTime);
  if (!trafficShift && (o.stepPercent !== undefined || o.stepBakeTime !== undefined)) {
    deploymentError(path, 'stepPercent/stepBakeTime', `is set with ${strategy}`, 'stepPercent and stepBakeTime only with linear() or canary()', 'Remove them, or use ServiceDeployment.linear()/canary().');
  }
  if (!shape.loadBalanced && (o.testListenerRulePriority !== undefined || o.testListenerPort !== undefined)) {
    const given = o.testListenerRulePriority !== undefined ? `testListenerRulePriority ${o.testListenerRulePriority}` : `testListenerPort ${o.testListenerPort}`;
    fail({
      code: 'KIT-SERVICE-DEPLOYMENT',
      path,
      problem: `deployment ${given} is set on a service without a load balancer`,
      allowed: 'testListenerRulePriority on WebService, testListenerPort on NetworkLoadBalancedService',
      fix: 'Remove it.',
    });
  }
  if (nonce !== undefined && !Token.isUnresolved(nonce) && (nonce.length < 1 || nonce.length > 255)) {
    fail({ code: 'ECS-SV-15', path, problem: `forceNewDeployment nonce has ${nonce.length} characters`, allowed: '1 to 255 characters', fix: 'Use a short nonce such as a build number or an image digest.' });
  }
  checkHooks(path, o.lifecycleHooks ?? []);
  const stepped = o.stepPercent !== undefined || o.stepBakeTime !== undefined;
  const shift = stepped ? { stepPercent: o.stepPercent, stepBakeTime: o.stepBakeTime } : undefined;
  return {
    // Unset for rolling: the template stays what it was before the option existed.
    deploymentStrategy: deployment?.shiftsTraffic ? strategy : undefined,
    bakeTime: o.bakeTime,
    linearConfiguration: strategy === ecs.DeploymentStrategy.LINEAR ? shift : undefined,
    canaryConfiguration: strategy === ecs.DeploymentStrategy.CANARY ? shift : undefined,
    forceNewDeployment: nonce === undefined ? undefined : { enabled: true, nonce },
  };
}

/**
 * The hooks, through one role ECS assumes that may invoke exactly these
 * functions (no `:*` qualifier grant), kept in a managed policy.
 */
export function addLifecycleHooks(scope: Construct, service: ecs.BaseService, hooks: DeploymentLifecycleHook[]): iam.IRole | undefined {
  if (hooks.length === 0) return undefined;
  const role = new iam.Role(scope, 'LifecycleHookRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: `ECS invokes the deployment lifecycle hooks of ${scope.node.path}`,
  });
  const policy = new iam.ManagedPolicy(scope, 'LifecycleHookPolicy', {
    description: `Invoke the deployment lifecycle hooks of ${scope.node.path}`,
    roles: [role],
    statements: [new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: unique(hooks.map((h) => h.handler.functionArn)) })],
  });
  // ECS may run a hook in the first deployment: the grant must exist before the service.
  service.node.addDependency(policy);
  for (const hook of hooks) {
    service.addLifecycleHook({ bind: () => ({ targetArn: hook.handler.functionArn, role, lifecycleStages: hook.stages }) });
  }
  return role;
}

/**
 * The ECS infrastructure role for load balancers: ECS moves traffic between
 * the target groups and edits the listener rules with it.
 */
export function loadBalancerInfrastructureRole(scope: Construct): iam.Role {
  const role = new iam.Role(scope, 'LoadBalancerInfrastructureRole', {
    assumedBy: new iam.ServicePrincipal('ecs.amazonaws.com'),
    description: `ECS shifts traffic between the target groups of ${scope.node.path}`,
    managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonECSInfrastructureRolePolicyForLoadBalancers')],
  });
  Validations.of(role).acknowledge({
    id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers]',
    reason: 'AWS documents this AWS-maintained policy for the ECS infrastructure role of blue/green, linear and canary deployments with Elastic Load Balancing.',
  });
  return role;
}

function checkHooks(path: string, hooks: DeploymentLifecycleHook[]): void {
  hooks.forEach((hook, i) => {
    const stages = hook.stages ?? [];
    const bad = stages.find((s) => !STAGES.includes(s));
    if (stages.length === 0 || bad !== undefined || new Set(stages).size !== stages.length) {
      deploymentError(path, `lifecycleHooks[${i}].stages`,
        stages.length === 0 ? 'is empty' : bad !== undefined ? `has '${bad}'` : `repeats a stage (${stages.join(', ')})`,
        `one or more distinct stages: ${STAGES.join(', ')}`, 'Name each stage once, from ecs.DeploymentLifecycleStage.');
    }
  });
}

/** ECS-SV-14: linear 3-100, canary 0.1-100 percent, in steps of 0.1 (the rule's ranges, reported at construction). */
function checkStepPercent(path: string, strategy: ecs.DeploymentStrategy, value: number | undefined): void {
  if (value === undefined || Token.isUnresolved(value)) return;
  const min = strategy === ecs.DeploymentStrategy.LINEAR ? 3 : 0.1;
  if (value >= min && value <= 100 && Math.abs(Math.round(value * 10) - value * 10) < 1e-9) return;
  fail({
    code: 'ECS-SV-14',
    path,
    problem: `deployment.stepPercent ${value} is out of range for ${strategy}`,
    allowed: `multiples of 0.1 from ${min} to 100`,
    fix: `Set stepPercent from ${min} to 100.`,
  });
}

function checkMinutes(path: string, prop: string, value: Duration | undefined): void {
  if (value === undefined || Token.isUnresolved(value.toSeconds())) return;
  const seconds = value.toSeconds();
  if (seconds % 60 !== 0 || seconds / 60 < MINUTES.min || seconds / 60 > MINUTES.max) {
    fail({
      code: 'ECS-SV-14',
      path,
      problem: `${prop} ${value.toHumanString()} (${seconds / 60} minutes) is not a whole number of minutes from 0 to 1440`,
      allowed: 'whole minutes from 0 to 1440 (24 hours)',
      fix: `Set ${prop} to Duration.minutes(n) with n from 0 to 1440.`,
    });
  }
}

export function deploymentError(path: string, prop: string, problem: string, allowed: string, fix: string): never {
  return fail({ code: 'KIT-SERVICE-DEPLOYMENT', path, problem: `deployment ${prop} ${problem}`, allowed, fix });
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
