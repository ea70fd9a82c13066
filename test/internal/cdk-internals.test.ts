/**
 * One test per aws-cdk-lib internal the kit relies on (src/internal/cdk-internals.ts).
 * Each pins the behaviour on today's aws-cdk-lib, and checks that the accessor
 * throws, instead of guessing, when the internal is gone.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Aws, CfnCondition, CfnResource, Errors, Fn, IPolicyValidationPlugin, Lazy, Stack, Stage, Validations } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import { Platform } from 'aws-cdk-lib/aws-ecr-assets';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import {
  appBuiltinValidation, assetImagePlatform, bindImageForRole, cfnCapacityProviderOf, checkRenderedTemplate, cpuArchitectureName, isImmutableRole,
  keepRenderedTemplates, KitCluster, renderedTemplate, repositoryImageName, scalableTargetOf, stagePlugins, taskDefinitionContainers,
  validationFailure,
} from '../../src/internal/cdk-internals';

const IMAGE = ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27');
const CHANGED = /aws-cdk-lib internal '.*' changed/;
const fake = <T>(value: object): T => value as unknown as T;

function vpcStack(): { stack: Stack; vpc: ec2.Vpc } {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'eu-west-1' } });
  return { stack, vpc: new ec2.Vpc(stack, 'Vpc', { availabilityZones: ['eu-west-1a', 'eu-west-1b'], natGateways: 0 }) };
}

test('Stack._toCloudFormation renders the resolved template synth writes, once per synth, and a throw there fails synth', () => {
  const app = new App();
  const stack = new Stack(app, 'S');
  new CfnResource(stack, 'R', { type: 'AWS::SQS::Queue', properties: { DelaySeconds: 5, QueueName: stack.stackName } });
  const seen: unknown[] = [];
  checkRenderedTemplate(stack, (template) => seen.push(template));
  const written = Template.fromStack(stack).toJSON();
  expect(seen).toEqual([written]);
  expect(written.Resources.R.Properties).toEqual({ DelaySeconds: 5, QueueName: 'S' });

  const failing = new Stack(new App(), 'F');
  checkRenderedTemplate(failing, () => {
    throw new Error('refused');
  });
  expect(() => Template.fromStack(failing)).toThrow('refused');
  expect(() => checkRenderedTemplate(fake({}), () => undefined)).toThrow(CHANGED);
});

test('the template a stack renders is the object synth writes to its file, kept only when asked and read once', () => {
  const build = () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const queue = new CfnResource(stack, 'Q', { type: 'AWS::SQS::Queue', properties: { DelaySeconds: 5, QueueName: stack.stackName, Tags: undefined } });
    const cond = new CfnCondition(stack, 'C', { expression: Fn.conditionEquals(stack.region, 'eu-west-1') });
    new CfnResource(stack, 'T', {
      type: 'AWS::SNS::Topic',
      properties: { TopicName: Fn.conditionIf(cond.logicalId, queue.getAtt('QueueName'), Aws.NO_VALUE), DisplayName: Lazy.string({ produce: () => 'lazy' }) },
    });
    const staged = new Stack(new Stage(app, 'Stage'), 'Inner');
    new CfnResource(staged, 'R', { type: 'AWS::SQS::Queue', properties: { MessageRetentionPeriod: 60 } });
    class Rewriting extends Stack {
      public _toCloudFormation(): any {
        return { ...super._toCloudFormation(), Description: 'rewritten' };
      }
    }
    const rewriting = new Rewriting(app, 'Rw');
    new CfnResource(rewriting, 'R', { type: 'AWS::SQS::Queue' });
    return { app, stacks: [stack, staged, rewriting] };
  };
  // Each stage writes its own assembly directory.
  const file = (st: Stack) => path.join(Stage.of(st)!.outdir, st.templateFile);

  const before = build();
  before.app.synth();
  expect(before.stacks.map((st) => renderedTemplate(st, file(st)))).toEqual([undefined, undefined, undefined]);

  keepRenderedTemplates();
  const { app, stacks: [stack, staged, rewriting] } = build();
  app.synth();
  for (const st of [stack, staged]) {
    const kept = renderedTemplate(st, file(st));
    expect(kept).toEqual(JSON.parse(fs.readFileSync(file(st), 'utf8')));
    expect(JSON.stringify(kept, undefined, 1)).toBe(fs.readFileSync(file(st), 'utf8'));
    expect(renderedTemplate(st, file(st))).toBeUndefined(); // read once
  }
  // A subclass that rewrites the template after aws-cdk-lib renders it: the file is read instead.
  expect(JSON.parse(fs.readFileSync(file(rewriting), 'utf8')).Description).toBe('rewritten');
  expect(renderedTemplate(rewriting, file(rewriting))).toBeUndefined();
});

test('TaskDefinition.containers lists every container, also those added on the L2', () => {
  const td = new ecs.FargateTaskDefinition(new Stack(), 'Td');
  const a = td.addContainer('a', { image: IMAGE });
  const b = new ecs.ContainerDefinition(td, 'b', { taskDefinition: td, image: IMAGE });
  expect(taskDefinitionContainers(td)).toEqual([a, b]);
  expect(() => taskDefinitionContainers(fake({}))).toThrow(CHANGED);
});

test('AssetImage.props.platform.platform is the asset platform', () => {
  const dir = path.join(__dirname, '..', 'task', 'fixtures', 'image');
  expect(assetImagePlatform(ecs.ContainerImage.fromAsset(dir, { platform: Platform.LINUX_ARM64 }))).toBe('linux/arm64');
  expect(assetImagePlatform(ecs.ContainerImage.fromAsset(dir))).toBeUndefined();
  expect(() => assetImagePlatform(fake({}))).toThrow(CHANGED);
});

test('CpuArchitecture._cpuArchitecture names an architecture made with of()', () => {
  expect(cpuArchitectureName(ecs.CpuArchitecture.of('ARM64'))).toBe('ARM64');
  expect(cpuArchitectureName(ecs.CpuArchitecture.X86_64)).toBe('X86_64');
  expect(() => cpuArchitectureName(fake({}))).toThrow(CHANGED);
});

test("ScalableTaskCount keeps its ScalableTarget as child 'Target'", () => {
  const { stack, vpc } = vpcStack();
  const td = new ecs.FargateTaskDefinition(stack, 'Td');
  td.addContainer('a', { image: IMAGE });
  const service = new ecs.FargateService(stack, 'Svc', { cluster: new ecs.Cluster(stack, 'C', { vpc }), taskDefinition: td, minHealthyPercent: 100 });
  const count = service.autoScaleTaskCount({ maxCapacity: 2 });
  expect(scalableTargetOf(count)).toBeInstanceOf(appscaling.ScalableTarget);
  expect(() => scalableTargetOf(fake({ node: { tryFindChild: () => undefined } }))).toThrow(CHANGED);
});

test('App keeps builtinCloudFormationValidation in _builtinCloudFormationValidation', () => {
  expect(appBuiltinValidation(new App())).toBe(true);
  expect(appBuiltinValidation(new App({ builtinCloudFormationValidation: false }))).toBe(false);
  expect(() => appBuiltinValidation(fake({}))).toThrow(CHANGED);
});

test('Role.fromRoleArn({ mutable: false }) and withoutPolicyUpdates() are ImmutableRole, by class name', () => {
  const s = new Stack(new App(), 'S');
  const arn = 'arn:aws:iam::222222222222:role/puller';
  expect(isImmutableRole(iam.Role.fromRoleArn(s, 'Immutable', arn, { mutable: false }))).toBe(true);
  expect(isImmutableRole(new iam.Role(s, 'Own', { assumedBy: new iam.AccountRootPrincipal() }).withoutPolicyUpdates())).toBe(true);
  expect(isImmutableRole(iam.Role.fromRoleArn(s, 'Mutable', arn))).toBe(false);
  expect(isImmutableRole(new iam.ServicePrincipal('lambda.amazonaws.com'))).toBe(false);
});

test('RepositoryImage keeps its reference in imageName', () => {
  expect(repositoryImageName(ecs.ContainerImage.fromRegistry('nginx:1.27') as ecs.RepositoryImage)).toBe('nginx:1.27');
  expect(() => repositoryImageName(fake({}))).toThrow(CHANGED);
});

describe('ASG capacity providers without addAsgCapacityProvider', () => {
  function setup() {
    const { stack, vpc } = vpcStack();
    const cluster = new KitCluster(stack, 'Cluster', { vpc, enableFargateCapacityProviders: true });
    const asg = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc, instanceType: new ec2.InstanceType('t3.small'), machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    });
    const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg, capacityProviderName: 'kit-ec2' });
    return { stack, cluster, provider };
  }

  test('AsgCapacityProvider keeps its CfnCapacityProvider as the child with its own id', () => {
    const { provider } = setup();
    expect(cfnCapacityProviderOf(provider)).toBeInstanceOf(ecs.CfnCapacityProvider);
    expect(() => cfnCapacityProviderOf(fake({ node: { id: 'P', tryFindChild: () => undefined } }))).toThrow(CHANGED);
  });

  test('the association aspect and Ec2Service read the capacityProviderNames/defaultCapacityProviderStrategy/hasEc2Capacity getters', () => {
    const { stack, cluster } = setup();
    cluster.registerAsgProviderName('kit-ec2');
    cluster.setKitDefaultStrategy([{ capacityProvider: 'kit-ec2', weight: 1 }]);
    const td = new ecs.Ec2TaskDefinition(stack, 'Td');
    td.addContainer('a', { image: IMAGE, memoryLimitMiB: 256 });
    // Throws "Cluster for this service needs Ec2 capacity" if Ec2Service stops reading hasEc2Capacity.
    new ecs.Ec2Service(stack, 'Svc', { cluster, taskDefinition: td, minHealthyPercent: 100 });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::ClusterCapacityProviderAssociations', {
      CapacityProviders: ['FARGATE', 'FARGATE_SPOT', 'kit-ec2'],
      DefaultCapacityProviderStrategy: [{ CapacityProvider: 'kit-ec2', Weight: 1 }],
    });
  });
});

describe('the capacity provider association aspect runs once per cluster', () => {
  // aws-cdk-lib recreates the association on every synth when a default strategy is set; the kit guards it.
  const synthTwice = (cluster: (stack: Stack, vpc: ec2.Vpc) => ecs.Cluster) => () => {
    const { stack, vpc } = vpcStack();
    cluster(stack, vpc).addDefaultCapacityProviderStrategy([{ capacityProvider: 'FARGATE', weight: 1 }]);
    Template.fromStack(stack);
    Annotations.fromStack(stack); // a second synth, with aspects
    Template.fromStack(stack).resourceCountIs('AWS::ECS::ClusterCapacityProviderAssociations', 1);
  };

  test('KitCluster synthesizes twice, with one association', () => {
    expect(synthTwice((stack, vpc) => new KitCluster(stack, 'Cluster', { vpc, enableFargateCapacityProviders: true }))).not.toThrow();
  });

  test('plain ecs.Cluster still throws on the second synth: when this fails, aws-cdk-lib fixed it; drop associateCapacityProvidersOnce', () => {
    expect(synthTwice((stack, vpc) => new ecs.Cluster(stack, 'Cluster', { vpc, enableFargateCapacityProviders: true })))
      .toThrow(/There is already a Construct with name 'Cluster'/);
  });
});

test('Stage._policyValidation lists the plugins added with Validations.of(stage).addPlugins', () => {
  const app = new App();
  const stage = new Stage(app, 'Stage');
  const plugin: IPolicyValidationPlugin = { name: 'probe', validate: () => ({ success: true, violations: [] }) };
  expect(stagePlugins(stage)).toEqual([]);
  Validations.of(stage).addPlugins(plugin);
  expect(stagePlugins(stage).map((p) => p.name)).toEqual(['probe']);
  expect(stagePlugins(app)).toEqual([]);
});

describe('bindImageForRole: ContainerImage.bind reads only taskDefinition.obtainExecutionRole / node', () => {
  const setup = () => {
    const stack = new Stack();
    const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('ecs-tasks.amazonaws.com') });
    return { stack, role };
  };
  test('registry image: the name, no grant', () => {
    const { stack, role } = setup();
    expect(bindImageForRole(stack, ecs.ContainerImage.fromRegistry('nginx:1.27'), role).imageName).toBe('nginx:1.27');
  });
  test('ECR image: pull granted to the role', () => {
    const { stack, role } = setup();
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
    bindImageForRole(stack, ecs.ContainerImage.fromEcrRepository(repo, '1'), role);
    expect(JSON.stringify(stack.resolve((role.node.tryFindChild('DefaultPolicy') as iam.Policy).document))).toContain('ecr:BatchGetImage');
  });
  test('credentialed registry image: secret read granted, credentials returned', () => {
    const { stack, role } = setup();
    const secret = new secretsmanager.Secret(stack, 'Creds');
    const config = bindImageForRole(stack, ecs.ContainerImage.fromRegistry('ghcr.io/a/b:1', { credentials: secret }), role);
    expect(config.repositoryCredentials?.credentialsParameter).toBeDefined();
    expect(JSON.stringify(stack.resolve((role.node.tryFindChild('DefaultPolicy') as iam.Policy).document))).toContain('secretsmanager:GetSecretValue');
  });
});

test('UnscopedValidationError is what aws-cdk-lib throws for failed construct validation, and Errors.isValidationError knows it', () => {
  const e = validationFailure('Validation failed with the following errors:\n  [S/X] boom');
  expect(Errors.isValidationError(e)).toBe(true);
  expect(e.message).toBe('Validation failed with the following errors:\n  [S/X] boom');
  // The same class as aws-cdk-lib's own node validation error.
  const app = new App();
  const stack = new Stack(app, 'S');
  new Construct(stack, 'X').node.addValidation({ validate: () => ['boom'] });
  let own: unknown;
  try {
    app.synth();
  } catch (err) {
    own = err;
  }
  expect(Errors.isValidationError(own)).toBe(true);
  expect(Object.getPrototypeOf(e)).toBe(Object.getPrototypeOf(own));
});
