import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { IMAGE } from './helpers';
import { EcsCluster } from '../../src/cluster';
import { EcsKitErrors } from '../../src/errors';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import { RC01_IMAGE_PULL_PATH } from '../../src/rules/reach/rc-01-image-pull-path';
import { ExpressScalingMetric, ExpressService } from '../../src/service';
import { FargateSize } from '../../src/task';

/** What `cdk init` gives: an env-agnostic stack, the user's VPC and a kit cluster. */
function envAgnostic() {
  const app = new App();
  const stack = new Stack(app, 'S');
  const vpc = new ec2.Vpc(stack, 'Vpc');
  const cluster = new EcsCluster(stack, 'Cluster', { vpc });
  return { app, stack, vpc, cluster };
}

test('required props only: Express service with roles, encrypted log group, private subnets, validated defaults', () => {
  // GIVEN
  const { stack, cluster } = envAgnostic();

  // WHEN
  const svc = new ExpressService(stack, 'Api', { cluster, image: IMAGE });

  // THEN
  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::ECS::ExpressGatewayService', {
    Cpu: '1024',
    Memory: '2048',
    HealthCheckPath: '/ping',
    InfrastructureRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiInfrastructureRole'), 'Arn'] },
    ExecutionRoleArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('ApiExecutionRole'), 'Arn'] },
    PrimaryContainer: {
      Image: 'public.ecr.aws/nginx/nginx:1.27',
      ContainerPort: 8080,
      AwsLogsConfiguration: { LogGroup: { Ref: Match.stringLikeRegexp('ApiLogs') }, LogStreamPrefix: 'ecs' },
    },
    NetworkConfiguration: { Subnets: [{ Ref: Match.stringLikeRegexp('VpcPrivateSubnet1') }, { Ref: Match.stringLikeRegexp('VpcPrivateSubnet2') }] },
    ScalingTarget: { MinTaskCount: 1, MaxTaskCount: 4, AutoScalingMetric: 'AVERAGE_CPU', AutoScalingTargetValue: 60 },
  });
  t.hasResourceProperties('AWS::IAM::Role', {
    AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ecs.amazonaws.com' } }] },
    ManagedPolicyArns: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::aws:policy/service-role/AmazonECSInfrastructureRoleforExpressGatewayServices']] }],
  });
  t.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 365, KmsKeyId: Match.anyValue() });
  expect(svc.size.cpu).toBe(1024);
  expect(stack.resolve(svc.endpoint)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(svc.resource), 'Endpoint'] });
  expect(t.toJSON()).toMatchSnapshot();
});

test('options: ECR image pull grant, secrets read, size, scaling on requests, name, environment', () => {
  // GIVEN
  const { stack, cluster } = envAgnostic();
  const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'web');
  const secret = new secretsmanager.Secret(stack, 'Db');

  // WHEN
  new ExpressService(stack, 'Web', {
    cluster,
    image: ecs.ContainerImage.fromEcrRepository(repo, '1.0.0'),
    containerPort: 3000,
    healthCheckPath: '/health',
    size: FargateSize.of(512, 1024),
    environment: { MODE: 'prod' },
    secrets: { DB: ecs.Secret.fromSecretsManager(secret) },
    command: ['node', 'server.js'],
    serviceName: 'web-app',
    scaling: { minTasks: 2, maxTasks: 10, metric: ExpressScalingMetric.REQUEST_COUNT_PER_TARGET, targetValue: 500 },
  });

  // THEN
  const t = Template.fromStack(stack);
  t.hasResourceProperties('AWS::ECS::ExpressGatewayService', {
    ServiceName: 'web-app',
    Cpu: '512',
    Memory: '1024',
    PrimaryContainer: Match.objectLike({
      ContainerPort: 3000,
      Command: ['node', 'server.js'],
      Environment: [{ Name: 'MODE', Value: 'prod' }],
      Secrets: [{ Name: 'DB', ValueFrom: { Ref: Match.stringLikeRegexp('Db') } }],
    }),
    ScalingTarget: { MinTaskCount: 2, MaxTaskCount: 10, AutoScalingMetric: 'REQUEST_COUNT_PER_TARGET', AutoScalingTargetValue: 500 },
  });
  const policies = JSON.stringify(t.findResources('AWS::IAM::ManagedPolicy'));
  expect(policies).toContain('ecr:BatchGetImage');
  expect(policies).toContain('secretsmanager:GetSecretValue');
  expect(policies).toContain('logs:PutLogEvents');
  expect(t.toJSON()).toMatchSnapshot();
});

describe('validation: the Express rule ids at construction', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['port 0', { containerPort: 0 }, 'ECS-XM-02'],
    ['health path without /', { healthCheckPath: 'health' }, 'ECS-XM-03'],
    ['min above max', { scaling: { minTasks: 5, maxTasks: 2 } }, 'ECS-XM-04'],
    ['target 0', { scaling: { targetValue: 0 } }, 'ECS-XM-05'],
    ['name with dots', { serviceName: 'my.app' }, 'ECS-XM-06'],
    ['windows size', { size: FargateSize.windows(1024, 2048) }, 'ECS-XM-01'],
  ];
  test.each(cases)('%s', (_name, props, code) => {
    const { stack, cluster } = envAgnostic();
    let err: unknown;
    try {
      new ExpressService(stack, 'Api', { cluster, image: IMAGE, ...props });
    } catch (e) {
      err = e;
    }
    expect(EcsKitErrors.codeOf(err)).toBe(code);
    expect(String((err as Error).message)).toContain('S/Api');
  });

  test('an escape-hatch override fails synth with the rule message', () => {
    const { app, stack, cluster } = envAgnostic();
    const svc = new ExpressService(stack, 'Api', { cluster, image: IMAGE });
    svc.resource.addPropertyOverride('HealthCheckPath', 'nope');
    expect(() => app.synth()).toThrow(/ECS-XM-03/);
  });

  test('min equal to max and default max follows a larger min', () => {
    const { stack, cluster } = envAgnostic();
    new ExpressService(stack, 'Api', { cluster, image: IMAGE, scaling: { minTasks: 6 } });
    Template.fromStack(stack).hasResourceProperties('AWS::ECS::ExpressGatewayService', { ScalingTarget: Match.objectLike({ MinTaskCount: 6, MaxTaskCount: 6 }) });
  });
});

test('reach: ECS-RC-01 flags an ECR Public image in isolated subnets (no NAT) and passes the default VPC with NAT gateways', () => {
  const findings = (subnetType: ec2.SubnetType) => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      natGateways: subnetType === ec2.SubnetType.PRIVATE_ISOLATED ? 0 : 1,
      subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'App', subnetType }],
    });
    new ExpressService(stack, 'Api', { cluster: new EcsCluster(stack, 'Cluster', { vpc }), image: IMAGE });
    const model = new AssemblyModel([{ name: 'S', template: Template.fromStack(stack).toJSON() }]);
    return runRules(model, { rules: [RC01_IMAGE_PULL_PATH] }).map((f) => f.message);
  };
  expect(findings(ec2.SubnetType.PRIVATE_ISOLATED)).toEqual([
    expect.stringMatching(/^\[ECS-RC-01\] tasks of Api\w+ in subnets VpcAppSubnet1\w+, VpcAppSubnet2\w+ \(no route out of the VPC\) cannot reach image 'public.ecr.aws\/nginx\/nginx:1.27'/),
  ]);
  expect(findings(ec2.SubnetType.PRIVATE_WITH_EGRESS)).toEqual([]);
});
