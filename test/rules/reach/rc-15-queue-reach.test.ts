/** ECS-RC-15: awsvpc tasks whose task role uses SQS need a network path to SQS. */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as ecsPatterns from 'aws-cdk-lib/aws-ecs-patterns';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { endpointService } from '../../../src/rules/reach/network-index';
import { RC15_QUEUE_REACH } from '../../../src/rules/reach/rc-15-queue-reach';
import { check, fargateTask, Resources } from '../helpers';
import { addDefaultRoute, serviceInSubnet, subnetOnTable } from './fixtures';

const sqsEndpoint = (service = 'sqs') => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: { VpcId: { Ref: 'Vpc' }, VpcEndpointType: 'Interface', ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] } },
});

interface Options {
  route?: 'igw' | 'nat' | 'none';
  launch?: Record<string, unknown>;
  assign?: string;
  actions?: unknown;
  networkMode?: string;
  extra?: Resources;
}

function template(o: Options = {}): Resources {
  const r: Resources = {
    ...subnetOnTable(),
    Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
    TaskRole: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } },
    TaskRolePolicy: {
      Type: 'AWS::IAM::Policy',
      Properties: {
        PolicyName: 'p',
        Roles: [{ Ref: 'TaskRole' }],
        PolicyDocument: { Statement: [{ Effect: 'Allow', Action: o.actions ?? ['sqs:ReceiveMessage', 'sqs:DeleteMessage'], Resource: { 'Fn::GetAtt': ['Queue', 'Arn'] } }] },
      },
    },
    Task: fargateTask({
      TaskRoleArn: { 'Fn::GetAtt': ['TaskRole', 'Arn'] },
      ...o.networkMode ? { NetworkMode: o.networkMode, RequiresCompatibilities: ['EC2'] } : {},
      ContainerDefinitions: [{ Name: 'app', Image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/app:1', Essential: true }],
    }),
    Svc: serviceInSubnet(o.launch, o.assign),
    ...o.extra,
  };
  return addDefaultRoute(r, o.route);
}

const messages = (resources: Resources) => check(RC15_QUEUE_REACH, resources).map((f) => f.message);

describe('ECS-RC-15 queue reach (L1)', () => {
  test('bad: a queue consumer in an isolated subnet without an SQS endpoint', () => {
    expect(messages(template())).toEqual([
      '[ECS-RC-15] tasks of Task call Amazon SQS (task role TaskRole allows sqs:ReceiveMessage and 1 more SQS action) but subnet Subnet '
      + '(no route out of the VPC) has no SQS endpoint at TestStack/Svc; allowed: a NAT gateway route, a public IP (Fargate in a public subnet), '
      + 'or an SQS interface endpoint in the VPC that admits the tasks. Add an SQS interface endpoint: vpc.addInterfaceEndpoint(\'Sqs\', '
      + '{ service: ec2.InterfaceVpcEndpointAwsService.SQS }), or route the subnets through a NAT gateway.',
    ]);
    expect(messages(template({ actions: 'sqs:*' }))[0]).toContain('allows sqs:*)');
  });

  test('bad: EC2 awsvpc tasks in a public subnet never get a public IP', () => {
    expect(messages(template({ route: 'igw', launch: { LaunchType: 'EC2' }, networkMode: 'awsvpc' }))[0])
      .toContain('(an internet gateway route but no public IP) has no SQS endpoint');
  });

  test('good: an SQS (or SQS FIPS) endpoint, a NAT route, a public IP', () => {
    expect(messages(template({ extra: { Sqs: sqsEndpoint() } }))).toEqual([]);
    expect(messages(template({ extra: { Sqs: sqsEndpoint('sqs-fips') } }))).toEqual([]);
    expect(messages(template({ route: 'nat' }))).toEqual([]);
    expect(messages(template({ route: 'igw', assign: 'ENABLED' }))).toEqual([]);
    // A Fargate service in a public subnet without a public IP is ECS-SV-31's.
    expect(messages(template({ route: 'igw', assign: 'DISABLED' }))).toEqual([]);
  });

  test('bad: an SQS endpoint whose security group admits no HTTPS from the tasks (open: false); good when it admits the VPC', () => {
    const closedEndpoint = (ingress: unknown[]) => ({
      Sqs: { ...sqsEndpoint(), Properties: { ...sqsEndpoint().Properties, SecurityGroupIds: [{ 'Fn::GetAtt': ['EpSg', 'GroupId'] }] } },
      EpSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'endpoints', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: ingress } },
    });
    const [message] = messages(template({ extra: closedEndpoint([]) }));
    expect(message).toContain('(no route out of the VPC) reaches no SQS endpoint: the VPC\'s admits no HTTPS from the tasks');
    expect(message).toContain('Admit HTTPS from the tasks on the SQS endpoint: endpoint.connections.allowDefaultPortFrom(service)');
    expect(messages(template({ extra: closedEndpoint([{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '10.0.0.0/16' }]) }))).toEqual([]);
  });

  test('silent: a role that names no SQS action, or only "*"; a task without a role; bridge tasks', () => {
    expect(messages(template({ actions: ['s3:GetObject'] }))).toEqual([]);
    expect(messages(template({ actions: '*' }))).toEqual([]);
    const noRole = template();
    delete (noRole.Task.Properties as Record<string, unknown>).TaskRoleArn;
    expect(messages(noRole)).toEqual([]);
    const bridge = template({ launch: { LaunchType: 'EC2' }, networkMode: 'bridge' });
    delete (bridge.Svc.Properties as Record<string, unknown>).NetworkConfiguration;
    expect(messages(bridge)).toEqual([]);
  });

  test('unresolved: subnets, public IP or endpoints the templates do not decide are skipped', () => {
    const r = template();
    (r.Svc.Properties as any).NetworkConfiguration.AwsvpcConfiguration.Subnets = [{ Ref: 'SubnetParam' }];
    expect(messages(r)).toEqual([]);
    expect(messages(template({ assign: { Ref: 'AssignParam' } as unknown as string }))).toEqual([]);
    expect(messages(template({ extra: { Ep: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'VpcParam' }, ServiceName: 'com.amazonaws.eu-west-1.sqs' } } } })))
      .toEqual([]);
    expect(endpointService('com.amazonaws.eu-west-1.sqs-fips')).toBe('sqs');
  });
});

describe('ECS-RC-15 on aws-cdk-lib L2 templates', () => {
  function queueService(subnetType: ec2.SubnetType, endpoint: boolean): AssemblyModel {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'L2');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: subnetType === ec2.SubnetType.PRIVATE_WITH_EGRESS ? 1 : 0,
      subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'tasks', subnetType }],
    });
    if (endpoint) vpc.addInterfaceEndpoint('Sqs', { service: ec2.InterfaceVpcEndpointAwsService.SQS });
    new ecsPatterns.QueueProcessingFargateService(stack, 'Worker', {
      cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'),
      taskSubnets: { subnetType },
      memoryLimitMiB: 512,
    });
    const synthesized = app.synth().getStackArtifact(stack.artifactId).template;
    return new AssemblyModel([{ name: 'L2', template: synthesized }]);
  }
  const ids = (model: AssemblyModel) => runRules(model, { rules: [RC15_QUEUE_REACH] }).map((f) => `${f.ruleId} ${f.path}`);

  test('QueueProcessingFargateService in PRIVATE_ISOLATED subnets: reported until an SQS endpoint is added', () => {
    expect(ids(queueService(ec2.SubnetType.PRIVATE_ISOLATED, false))).toEqual(['ECS-RC-15 L2/Worker/QueueProcessingFargateService/Service']);
    expect(ids(queueService(ec2.SubnetType.PRIVATE_ISOLATED, true))).toEqual([]);
    expect(ids(queueService(ec2.SubnetType.PRIVATE_WITH_EGRESS, false))).toEqual([]);
  });
});
