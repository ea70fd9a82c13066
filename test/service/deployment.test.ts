/**
 * Issue 17, "Modern ECS": ECS-native deployment strategies on every service
 * kind. Each kind deploys with every strategy ECS allows for it (and fails
 * at construction for the others); the kit's output passes all rules.
 */
import { App, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { CERT_ARN, certificate, ec2Task, fargateTask, fixture, Fixture, IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { EcsKitErrors } from '../../src/errors';
import { ALL_RULES } from '../../src/rules';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import {
  BackendService, DaemonService, NetworkLoadBalancedService, ServiceBase, ServiceDeployment, WebService, WorkerService,
} from '../../src/service';
import { FargateTask } from '../../src/task';

const STRATEGIES: Record<string, () => ServiceDeployment> = {
  BLUE_GREEN: () => ServiceDeployment.blueGreen({ bakeTime: Duration.minutes(15) }),
  LINEAR: () => ServiceDeployment.linear({ stepPercent: 20, stepBakeTime: Duration.minutes(5) }),
  CANARY: () => ServiceDeployment.canary({ stepPercent: 10, stepBakeTime: Duration.minutes(10) }),
};
const HOOK_ARN = 'arn:aws:lambda:eu-west-1:123456789012:function:deployment-check';

type Kind = 'web' | 'nlb' | 'backend' | 'worker' | 'daemon';
function build(kind: Kind, deployment?: ServiceDeployment, f: Fixture = fixture(), extra: object = {}): ServiceBase {
  const common = { cluster: f.cluster, deployment, ...extra };
  switch (kind) {
    case 'web': return new WebService(f.stack, 'Svc', { ...common, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    case 'nlb': return new NetworkLoadBalancedService(f.stack, 'Svc', { ...common, task: fargateTask(f.stack), certificate: certificate(f.stack) });
    case 'backend':
      f.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
      return new BackendService(f.stack, 'Svc', { ...common, task: fargateTask(f.stack, 'Task', 9090, 'api') });
    case 'worker': return new WorkerService(f.stack, 'Svc', { ...common, task: fargateTask(f.stack) });
    case 'daemon':
      f.cluster.addEc2Capacity('Ec2');
      return new DaemonService(f.stack, 'Svc', { ...common, task: ec2Task(f.stack) });
  }
}

/** Every kit rule over the synthesized app: errors only. */
function ruleErrors(app: App): string[] {
  const asm = app.synth();
  const stacks = asm.stacks.map((s) => ({ name: s.stackName, template: s.template, environment: { region: s.environment.region } }));
  const model = new AssemblyModel(stacks);
  return runRules(model, { rules: ALL_RULES }).filter((x) => x.severity === 'error').map((x) => x.message);
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return EcsKitErrors.codeOf(e) ?? String(e);
  }
  return undefined;
}

/** The deployment-relevant part of a template: the service's deployment settings and the load-balancing resources. */
function deploymentView(t: Template): unknown {
  const svc = Object.values(t.findResources('AWS::ECS::Service'))[0] as any;
  return {
    DeploymentConfiguration: svc.Properties.DeploymentConfiguration,
    DeploymentController: svc.Properties.DeploymentController,
    LoadBalancers: svc.Properties.LoadBalancers,
    ServiceConnectServices: svc.Properties.ServiceConnectConfiguration?.Services,
    rules: Object.values(t.findResources('AWS::ElasticLoadBalancingV2::ListenerRule')).map((r: any) => r.Properties),
    listeners: Object.values(t.findResources('AWS::ElasticLoadBalancingV2::Listener')).map((r: any) => ({ Port: r.Properties.Port, DefaultActions: r.Properties.DefaultActions })),
    targetGroups: Object.keys(t.findResources('AWS::ElasticLoadBalancingV2::TargetGroup')).sort(),
  };
}

describe('rolling (default) is unchanged', () => {
  test.each<Kind>(['web', 'nlb', 'backend', 'worker', 'daemon'])('%s: ServiceDeployment.rolling() renders what no deployment renders', (kind) => {
    const plain = Template.fromStack(build(kind).node.scope as Stack).toJSON();
    const rolling = Template.fromStack(build(kind, ServiceDeployment.rolling()).node.scope as Stack).toJSON();
    expect(rolling).toEqual(plain);
    expect(JSON.stringify(plain)).not.toContain('"Strategy"');
  });
});

describe('the strategies each service kind deploys with', () => {
  const allowed: [Kind, string][] = [
    ['web', 'BLUE_GREEN'], ['web', 'LINEAR'], ['web', 'CANARY'],
    ['nlb', 'BLUE_GREEN'], ['nlb', 'LINEAR'], ['nlb', 'CANARY'],
    ['backend', 'BLUE_GREEN'], ['backend', 'LINEAR'], ['backend', 'CANARY'],
    ['worker', 'BLUE_GREEN'],
  ];
  test.each(allowed)('%s with %s: strategy rendered, no rule error, snapshot', (kind, strategy) => {
    const f = fixture();
    build(kind, STRATEGIES[strategy](), f);
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ECS::Service', { DeploymentConfiguration: Match.objectLike({ Strategy: strategy }), DeploymentController: { Type: 'ECS' } });
    expect(deploymentView(t)).toMatchSnapshot();
    expect(ruleErrors(f.app)).toEqual([]);
  });

  const refused: [Kind, string, string][] = [
    ['worker', 'LINEAR', 'ECS-DP-03'], ['worker', 'CANARY', 'ECS-DP-03'],
    ['daemon', 'BLUE_GREEN', 'KIT-SERVICE-DEPLOYMENT'], ['daemon', 'LINEAR', 'KIT-SERVICE-DEPLOYMENT'], ['daemon', 'CANARY', 'KIT-SERVICE-DEPLOYMENT'],
  ];
  test.each(refused)('%s with %s fails at construction with %s', (kind, strategy, code) => {
    expect(codeOf(() => build(kind, STRATEGIES[strategy]()))).toBe(code);
  });

  test('WorkerService publishing a Service Connect port deploys linear', () => {
    const f = fixture();
    f.cluster.cluster.addDefaultCloudMapNamespace({ name: 'internal', useForServiceConnect: true });
    new WorkerService(f.stack, 'Svc', {
      cluster: f.cluster, task: fargateTask(f.stack, 'Task', 8080, 'http'), serviceConnect: { portMappingName: 'http' }, deployment: STRATEGIES.LINEAR(),
    });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'LINEAR', LinearConfiguration: { StepPercent: 20, StepBakeTimeInMinutes: 5 } }),
    });
  });
});

describe('WebService blue/green wiring', () => {
  test('alternate target group, production rule (every path) and test rule (header), both weighted 100/0; AdvancedConfiguration with the ECS infrastructure role', () => {
    const f = fixture();
    const web = build('web', STRATEGIES.BLUE_GREEN(), f) as WebService;
    const t = Template.fromStack(f.stack);
    expect(web.alternateTargetGroup).toBeDefined();
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 2);
    const weighted = { ForwardConfig: { TargetGroups: [{ TargetGroupArn: { Ref: Match.stringLikeRegexp('^SvcTargetGroup') }, Weight: 100 }, { TargetGroupArn: { Ref: Match.stringLikeRegexp('^SvcAlternateTargetGroup') }, Weight: 0 }] }, Type: 'forward' };
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', { Priority: 2, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/*'] } }], Actions: [weighted] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 1, Conditions: [{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'x-amzn-ecs-blue-green-test', Values: ['*'] } }], Actions: [weighted],
    });
    // ECS rejects listeners whose actions mix forward with other types: the default action stays a forward.
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { DefaultActions: [{ Type: 'forward', TargetGroupArn: { Ref: Match.stringLikeRegexp('^SvcTargetGroup') } }] });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({
        AdvancedConfiguration: {
          AlternateTargetGroupArn: { Ref: Match.stringLikeRegexp('^SvcAlternateTargetGroup') },
          ProductionListenerRule: { Ref: Match.stringLikeRegexp('^SvcProductionRule') },
          TestListenerRule: { Ref: Match.stringLikeRegexp('^SvcTestRule') },
          RoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^SvcLoadBalancerInfrastructureRole'), 'Arn'] },
        },
      })],
      DeploymentConfiguration: Match.objectLike({ BakeTimeInMinutes: 15 }),
    });
    t.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'ecs.amazonaws.com' } })] },
      ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers']] }],
    });
  });

  test('shared listener: the production rule keeps host/path and priority, the test rule takes testListenerRulePriority', () => {
    const f = fixture();
    const shared = new WebService(f.stack, 'Edge', { cluster: f.cluster, task: fargateTask(f.stack, 'EdgeTask'), certificate: certificate(f.stack) });
    new WebService(f.stack, 'Api', {
      cluster: f.cluster,
      task: fargateTask(f.stack, 'ApiTask'),
      listener: shared.listener,
      priority: 20,
      pathPatterns: ['/api/*'],
      deployment: ServiceDeployment.canary({ testListenerRulePriority: 19 }),
    });
    const t = Template.fromStack(f.stack);
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', { Priority: 20, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }] });
    t.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Priority: 19, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }, Match.objectLike({ Field: 'http-header' })],
    });
    expect(ruleErrors(f.app)).toEqual([]);
  });

  test('errors: shared listener without a test rule priority; a taken test priority; additionalTargets', () => {
    const shared = (deployment: ServiceDeployment) => () => {
      const f = fixture();
      const edge = new WebService(f.stack, 'Edge', { cluster: f.cluster, task: fargateTask(f.stack, 'EdgeTask'), certificate: certificate(f.stack) });
      new WebService(f.stack, 'Api', { cluster: f.cluster, task: fargateTask(f.stack, 'ApiTask'), listener: edge.listener, priority: 20, pathPatterns: ['/api/*'], deployment });
    };
    expect(codeOf(shared(ServiceDeployment.blueGreen()))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(shared(ServiceDeployment.blueGreen({ testListenerRulePriority: 20 })))).toBe('ECS-RC-07');
    // The fix names the prop that set the test rule's priority.
    expect(shared(ServiceDeployment.blueGreen({ testListenerRulePriority: 20 }))).toThrow(/Set another priority on \S+\/Api\/TestRule \(deployment options testListenerRulePriority\)\./);
    const f = fixture();
    expect(codeOf(() => new WebService(f.stack, 'Web', {
      cluster: f.cluster,
      task: fargateTask(f.stack),
      certificate: certificate(f.stack),
      deployment: ServiceDeployment.blueGreen(),
      additionalTargets: [{ containerPort: 8080, priority: 5, pathPatterns: ['/b/*'] }],
    }))).toBe('KIT-SERVICE-DEPLOYMENT');
  });

  test('enableDeploymentAlarms also watches the alternate target group, and every alarm rolls back', () => {
    const f = fixture();
    build('web', STRATEGIES.LINEAR(), f, { enableDeploymentAlarms: true });
    const t = Template.fromStack(f.stack);
    t.resourceCountIs('AWS::CloudWatch::Alarm', 4);
    const svc = Object.values(t.findResources('AWS::ECS::Service'))[0] as any;
    expect(svc.Properties.DeploymentConfiguration.Alarms).toMatchObject({ Enable: true, Rollback: true });
    expect(svc.Properties.DeploymentConfiguration.Alarms.AlarmNames).toHaveLength(4);
  });
});

describe('NetworkLoadBalancedService blue/green wiring', () => {
  test('the TLS listener forwards 100/0 and is the production listener; testListenerPort adds a TLS test listener opened to the same peer', () => {
    const f = fixture();
    const nlb = build('nlb', ServiceDeployment.blueGreen({ testListenerPort: 8443 }), f) as NetworkLoadBalancedService;
    const t = Template.fromStack(f.stack);
    expect(nlb.testListener).toBeDefined();
    t.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    for (const port of [443, 8443]) {
      t.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Port: port, Protocol: 'TLS', DefaultActions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [Match.objectLike({ Weight: 100 }), Match.objectLike({ Weight: 0 })] } }],
      });
    }
    t.hasResourceProperties('AWS::EC2::SecurityGroup', { SecurityGroupIngress: Match.arrayWith([Match.objectLike({ FromPort: 8443, CidrIp: '10.0.0.0/16' })]) });
    t.hasResourceProperties('AWS::ECS::Service', {
      LoadBalancers: [Match.objectLike({
        AdvancedConfiguration: Match.objectLike({ ProductionListenerRule: { Ref: Match.stringLikeRegexp('^SvcLoadBalancerTls') }, TestListenerRule: { Ref: Match.stringLikeRegexp('^SvcLoadBalancerTestTls') } }),
      })],
    });
    expect(ruleErrors(f.app)).toEqual([]);
  });

  test('errors: testListenerPort on the production port; the other load balancer kind\'s test option', () => {
    expect(codeOf(() => build('nlb', ServiceDeployment.blueGreen({ testListenerPort: 443 })))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(() => build('nlb', ServiceDeployment.rolling(), fixture(), {}))).toBeUndefined();
    expect(codeOf(() => build('web', ServiceDeployment.blueGreen({ testListenerPort: 8443 })))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(() => build('nlb', ServiceDeployment.blueGreen({ testListenerRulePriority: 3 })))).toBe('KIT-SERVICE-DEPLOYMENT');
  });
});

describe('lifecycle hooks, bake time, forced deployments', () => {
  test('hooks render with one role that may invoke exactly the hook functions (no qualifier wildcard), kept in a managed policy the service waits for', () => {
    const f = fixture();
    const check = lambda.Function.fromFunctionArn(f.stack, 'Check', HOOK_ARN);
    build('web', ServiceDeployment.blueGreen({
      lifecycleHooks: [
        { handler: check, stages: [ecs.DeploymentLifecycleStage.POST_TEST_TRAFFIC_SHIFT] },
        { handler: check, stages: [ecs.DeploymentLifecycleStage.PRE_SCALE_UP, ecs.DeploymentLifecycleStage.POST_PRODUCTION_TRAFFIC_SHIFT] },
      ],
    }), f);
    const t = Template.fromStack(f.stack);
    const role = { 'Fn::GetAtt': [Match.stringLikeRegexp('^SvcLifecycleHookRole'), 'Arn'] };
    t.hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({
        LifecycleHooks: [
          { HookTargetArn: HOOK_ARN, RoleArn: role, LifecycleStages: ['POST_TEST_TRAFFIC_SHIFT'] },
          { HookTargetArn: HOOK_ARN, RoleArn: role, LifecycleStages: ['PRE_SCALE_UP', 'POST_PRODUCTION_TRAFFIC_SHIFT'] },
        ],
      }),
    });
    t.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Action: 'lambda:InvokeFunction', Effect: 'Allow', Resource: HOOK_ARN }], Version: '2012-10-17' },
      Roles: [{ Ref: Match.stringLikeRegexp('^SvcLifecycleHookRole') }],
    });
    t.resourcePropertiesCountIs('AWS::IAM::Policy', { PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Action: 'lambda:InvokeFunction' })]) } }, 0);
    const svc = Object.values(t.findResources('AWS::ECS::Service'))[0] as any;
    expect(svc.DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^SvcLifecycleHookPolicy/)]));
    expect(ruleErrors(f.app)).toEqual([]);
  });

  test('hooks on a headless blue/green WorkerService', () => {
    const f = fixture();
    const fn = lambda.Function.fromFunctionArn(f.stack, 'Check', HOOK_ARN);
    build('worker', ServiceDeployment.blueGreen({ lifecycleHooks: [{ handler: fn, stages: [ecs.DeploymentLifecycleStage.POST_SCALE_UP] }] }), f);
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', {
      DeploymentConfiguration: Match.objectLike({ Strategy: 'BLUE_GREEN', LifecycleHooks: [Match.objectLike({ LifecycleStages: ['POST_SCALE_UP'] })] }),
      LoadBalancers: Match.absent(),
    });
  });

  test('errors: empty, repeated or unknown stages; bake times out of range or not whole minutes; step options with blue/green; nonce length', () => {
    const hooked = (stages: string[]) => () => {
      const f = fixture();
      build('worker', ServiceDeployment.blueGreen({ lifecycleHooks: [{ handler: lambda.Function.fromFunctionArn(f.stack, 'H', HOOK_ARN), stages: stages as ecs.DeploymentLifecycleStage[] }] }), f);
    };
    expect(codeOf(hooked([]))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(hooked(['PRE_SCALE_UP', 'PRE_SCALE_UP']))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(hooked(['BEFORE_INSTALL']))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(() => build('worker', ServiceDeployment.blueGreen({ bakeTime: Duration.minutes(1441) })))).toBe('ECS-SV-14');
    expect(codeOf(() => build('web', ServiceDeployment.linear({ stepBakeTime: Duration.seconds(90) })))).toBe('ECS-SV-14');
    expect(codeOf(() => build('web', ServiceDeployment.linear({ stepPercent: 2 })))).toBe('ECS-SV-14');
    expect(codeOf(() => build('web', ServiceDeployment.canary({ stepPercent: 0.05 })))).toBe('ECS-SV-14');
    expect(codeOf(() => build('web', ServiceDeployment.canary({ stepPercent: 0.1 })))).toBeUndefined();
    expect(codeOf(() => build('worker', ServiceDeployment.blueGreen({ stepPercent: 10 } as object)))).toBe('KIT-SERVICE-DEPLOYMENT');
    expect(codeOf(() => build('worker', undefined, fixture(), { forceNewDeployment: 'x'.repeat(256) }))).toBe('ECS-SV-15');
    expect(codeOf(() => build('worker', ServiceDeployment.blueGreen({ testListenerPort: 8443 })))).toBe('KIT-SERVICE-DEPLOYMENT');
  });

  test('forceNewDeployment renders its nonce', () => {
    const f = fixture();
    build('worker', undefined, f, { forceNewDeployment: 'build-42' });
    Template.fromStack(f.stack).hasResourceProperties('AWS::ECS::Service', { ForceNewDeployment: { EnableForceNewDeployment: true, ForceNewDeploymentNonce: 'build-42' } });
  });
});

test('env-agnostic stack with only required props: WebService canary and BackendService linear synthesize', () => {
  const app = new App();
  const stack = new Stack(app, 'Agnostic');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc, defaultCloudMapNamespace: { name: 'internal' } });
  const task = (id: string, name?: string) =>
    new FargateTask(stack, id, { container: { image: IMAGE, portMappings: [{ containerPort: 8080, name }] } });
  const cert = certificate(stack);
  new WebService(stack, 'Web', { cluster, task: task('WebTask'), certificate: cert, deployment: ServiceDeployment.canary() });
  new BackendService(stack, 'Api', { cluster, task: task('ApiTask', 'api'), deployment: ServiceDeployment.linear() });
  expect(CERT_ARN).toContain('certificate');
  expect(ruleErrors(app)).toEqual([]);
  const t = Template.fromStack(stack);
  t.resourcePropertiesCountIs('AWS::ECS::Service', { DeploymentConfiguration: Match.objectLike({ Strategy: Match.anyValue() }) }, 2);
});
