/** ECS-RC-01: awsvpc tasks need a network path to their registry, logs and secrets. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as patterns from 'aws-cdk-lib/aws-ecs-patterns';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC01_IMAGE_PULL_PATH } from '../../../src/rules/reach/rc-01-image-pull-path';
import { assemblyOfStacks, check, checkAssembly, fargateTask, Resources } from '../helpers';
import { addDefaultRoute, fargateSchedule, serviceInSubnet, subnetOnTable } from './fixtures';

const ECR_IMAGE = { 'Fn::Join': ['', ['111111111111.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/app:1']] };
const endpoint = (service: string, type?: string, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: {
    VpcId: { Ref: 'Vpc' },
    ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
    ...type ? { VpcEndpointType: type } : {},
    ...extra,
  },
});
/** Every endpoint an ECR image with awslogs and Secrets Manager secrets needs. */
const ALL_ENDPOINTS: Resources = {
  EcrApi: endpoint('ecr.api', 'Interface'),
  EcrDkr: endpoint('ecr.dkr', 'Interface'),
  Logs: endpoint('logs', 'Interface'),
  Secrets: endpoint('secretsmanager', 'Interface'),
  S3: endpoint('s3', undefined, { RouteTableIds: [{ Ref: 'Table' }] }),
};

interface Options {
  image?: unknown;
  route?: 'igw' | 'nat' | 'none';
  launch?: Record<string, unknown>;
  assign?: string;
  awslogs?: boolean;
  secret?: boolean;
  extra?: Resources;
}

function template(o: Options = {}): Resources {
  const container: Record<string, unknown> = { Name: 'app', Image: o.image ?? ECR_IMAGE, Essential: true };
  if (o.awslogs) container.LogConfiguration = { LogDriver: 'awslogs', Options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' } };
  if (o.secret) container.Secrets = [{ Name: 'DB', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf' }];
  const r: Resources = {
    ...subnetOnTable(),
    Task: fargateTask({ ExecutionRoleArn: 'arn:aws:iam::111111111111:role/exec', ContainerDefinitions: [container] }),
    Svc: serviceInSubnet(o.launch, o.assign),
    ...o.extra,
  };
  return addDefaultRoute(r, o.route);
}

const messages = (resources: Resources) => check(RC01_IMAGE_PULL_PATH, resources).map((f) => f.message);

describe('ECS-RC-01 image pull path (L1)', () => {
  test('bad: an isolated subnet without ECR endpoints, for an ECR image', () => {
    expect(messages(template())).toEqual([
      '[ECS-RC-01] tasks of Task in subnet Subnet (no route out of the VPC) cannot reach the ecr.api endpoint, the ecr.dkr endpoint or an S3 endpoint on the route table (ECR image layers) at TestStack/Svc; '
      + 'allowed: a NAT gateway route, a public IP (Fargate in a public subnet), or VPC endpoints for ECR (ecr.api, ecr.dkr, S3 gateway), logs and secrets; images outside ECR need internet access. '
      + 'Add the VPC endpoints (vpc.addInterfaceEndpoint / vpc.addGatewayEndpoint), or route the subnets through a NAT gateway.',
    ]);
  });

  test('bad: a Docker Hub image in an isolated subnet, even with every endpoint', () => {
    const [message] = messages(template({ image: 'nginx:1.27', extra: ALL_ENDPOINTS }));
    expect(message).toContain("cannot reach image 'nginx:1.27' of container 'app' (outside ECR, needs internet access)");
    expect(message).toContain('Copy the image into ECR (e.g. through a pull-through cache rule)');
    expect(message).not.toContain('scratchInitImage');
  });

  test('bad: an image whose tag alone is a parameter (!Sub public.ecr.aws/...:${Tag}) still names its registry (found by a user trial)', () => {
    const [message] = messages(template({ image: { 'Fn::Sub': 'public.ecr.aws/nginx/nginx-unprivileged:${ImageTag}' }, extra: ALL_ENDPOINTS }));
    expect(message).toContain("cannot reach image 'public.ecr.aws/nginx/nginx-unprivileged:${ImageTag}' of container 'app' (outside ECR, needs internet access)");
    expect(messages(template({ image: { 'Fn::Join': ['', ['nginx:', { Ref: 'Tag' }]] }, extra: ALL_ENDPOINTS }))[0]).toContain('outside ECR');
    // The registry itself from a parameter, or an ECR URI with a parameter tag, decides nothing more than before.
    expect(messages(template({ image: { 'Fn::Sub': '${Registry}/nginx:1.27' }, extra: ALL_ENDPOINTS }))).toEqual([]);
    expect(messages(template({ image: { 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:${Tag}' }, extra: ALL_ENDPOINTS }))).toEqual([]);
  });

  test('bad: the kit\'s scratch-init container pulling from ECR Public: the fix names scratchInitImage', () => {
    const r = template({ extra: ALL_ENDPOINTS });
    ((r.Task.Properties as { ContainerDefinitions: unknown[] }).ContainerDefinitions)
      .push({ Name: 'scratch-init', Image: 'public.ecr.aws/docker/library/busybox:1.37', Essential: false });
    const [message] = messages(r);
    expect(message).toContain("cannot reach image 'public.ecr.aws/docker/library/busybox:1.37' of container 'scratch-init'");
    expect(message).toContain("For the kit's 'scratch-init' container, set the task's scratchInitImage to the ECR copy.");
  });

  test('bad: awslogs without a logs endpoint, secrets without a secretsmanager endpoint', () => {
    const { Logs, Secrets, ...rest } = ALL_ENDPOINTS;
    expect(messages(template({ awslogs: true, extra: { ...rest, Secrets } }))[0]).toContain('cannot reach the logs endpoint (awslogs) at');
    expect(messages(template({ secret: true, extra: { ...rest, Logs } }))[0]).toContain('cannot reach the secretsmanager endpoint (secrets) at');
  });

  test('silent: EC2 and Managed Instances awsvpc tasks, whose instance pulls the image through its own network interface', () => {
    // The same subnets fail a Fargate schedule (below); on instances the task ENI's subnet decides nothing.
    expect(messages(template({ route: 'igw', launch: { LaunchType: 'EC2' }, image: 'nginx:1.27' }))).toEqual([]);
    expect(messages(template({ launch: { LaunchType: 'EC2' }, image: 'nginx:1.27' }))).toEqual([]);
    expect(messages(template({ launch: { LaunchType: 'MANAGED_INSTANCES' }, image: 'nginx:1.27' }))).toEqual([]);
    expect(messages(template({ launch: { LaunchType: 'FARGATE' }, image: 'nginx:1.27' }))).toHaveLength(1);
  });

  test('bad: an EventBridge Scheduler schedule running the task in an isolated subnet', () => {
    const r = template({ image: 'public.ecr.aws/nginx/nginx:1.27' });
    delete r.Svc;
    r.Schedule = fargateSchedule({ Subnets: [{ Ref: 'Subnet' }] });
    const findings = check(RC01_IMAGE_PULL_PATH, r);
    expect(findings.map((f) => [f.path, f.property])).toEqual([['TestStack/Schedule', 'Properties/Target/EcsParameters/NetworkConfiguration/AwsvpcConfiguration/Subnets']]);
  });

  test('bad: an EventBridge rule (ecs-patterns ScheduledFargateTask) running an ECR Public image in isolated subnets; good: with a NAT gateway', () => {
    const build = (natGateways: number) => {
      const stack = new Stack(new App(), 'Jobs');
      const vpc = new ec2.Vpc(stack, 'Vpc', {
        maxAzs: 2,
        natGateways,
        subnetConfiguration: natGateways ? undefined : [{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
      });
      new patterns.ScheduledFargateTask(stack, 'Nightly', {
        cluster: new ecs.Cluster(stack, 'Cluster', { vpc }),
        schedule: appscaling.Schedule.expression('rate(1 day)'),
        scheduledFargateTaskImageOptions: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:1.36'), memoryLimitMiB: 512 },
        subnetSelection: { subnetType: natGateways ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED },
      });
      const model = new AssemblyModel([{ name: 'Jobs', template: Template.fromStack(stack).toJSON() }]);
      return runRules(model, { rules: [RC01_IMAGE_PULL_PATH] });
    };
    const findings = build(0);
    expect(findings.map((f) => [f.logicalId, f.property])).toEqual([
      [expect.stringMatching(/^NightlyScheduledEventRule/), 'Properties/Targets/0/EcsParameters/NetworkConfiguration/AwsVpcConfiguration/Subnets'],
    ]);
    expect(findings[0].message).toContain('public.ecr.aws');
    expect(build(1)).toEqual([]);
  });

  test('good: endpoints instead of a NAT gateway (what a naive checker would flag)', () => {
    expect(messages(template({ awslogs: true, secret: true, extra: ALL_ENDPOINTS }))).toEqual([]);
    // An S3 interface endpoint also serves image layers.
    const { S3, ...rest } = ALL_ENDPOINTS;
    expect(messages(template({ extra: { ...rest, S3i: endpoint('s3', 'Interface') } }))).toEqual([]);
  });

  test('good: a NAT route, a public IP, and Fargate services in public subnets (ECS-SV-31 reports those)', () => {
    expect(messages(template({ route: 'nat', image: 'nginx:1.27' }))).toEqual([]);
    expect(messages(template({ route: 'igw', assign: 'ENABLED', image: 'nginx:1.27' }))).toEqual([]);
    expect(messages(template({ route: 'igw', assign: 'DISABLED', image: 'nginx:1.27' }))).toEqual([]);
  });

  test('good: a virtual private gateway propagating routes into the table (on-premises may advertise the default route)', () => {
    const propagation = (tables: unknown) => ({
      Vgw: { Type: 'AWS::EC2::VPNGateway', Properties: { Type: 'ipsec.1' } },
      Prop: { Type: 'AWS::EC2::VPNGatewayRoutePropagation', Properties: { VpnGatewayId: { Ref: 'Vgw' }, RouteTableIds: tables } },
    });
    expect(messages(template({ image: 'nginx:1.27', extra: propagation([{ Ref: 'Table' }]) }))).toEqual([]);
    expect(messages(template({ image: 'nginx:1.27', extra: propagation({ Ref: 'TablesParam' }) }))).toEqual([]);
    // Propagation into another table leaves this one isolated.
    const other = { OtherTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } }, ...propagation([{ Ref: 'OtherTable' }]) };
    expect(messages(template({ image: 'nginx:1.27', extra: other }))).toHaveLength(1);
  });

  test('endpoint security groups: admitted from the tasks\' group or any address; closed to other groups', () => {
    const withGroups = (ingress: unknown[], taskGroups = [{ 'Fn::GetAtt': ['TaskSg', 'GroupId'] }]) => {
      const extra: Resources = {
        TaskSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'tasks', VpcId: { Ref: 'Vpc' } } },
        OtherSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'other', VpcId: { Ref: 'Vpc' } } },
        EpSg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'endpoints', VpcId: { Ref: 'Vpc' }, SecurityGroupIngress: ingress } },
      };
      for (const [id, ep] of Object.entries(ALL_ENDPOINTS)) {
        extra[id] = ep.Properties?.VpcEndpointType === 'Interface'
          ? { ...ep, Properties: { ...ep.Properties, SecurityGroupIds: [{ 'Fn::GetAtt': ['EpSg', 'GroupId'] }] } } : ep;
      }
      const r = template({ awslogs: true, extra });
      (r.Svc.Properties as any).NetworkConfiguration.AwsvpcConfiguration.SecurityGroups = taskGroups;
      return messages(r);
    };
    const https = (source: Record<string, unknown>) => ({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, ...source });
    expect(withGroups([https({ SourceSecurityGroupId: { 'Fn::GetAtt': ['TaskSg', 'GroupId'] } })])).toEqual([]);
    expect(withGroups([https({ CidrIp: '10.0.0.0/16' })])).toEqual([]);
    expect(withGroups([https({ SourceSecurityGroupId: { 'Fn::GetAtt': ['OtherSg', 'GroupId'] } })])[0])
      .toContain('cannot reach the ecr.api endpoint (present, but its security groups admit no HTTPS from the tasks)');
    expect(withGroups([])[0]).toContain('the logs endpoint (present, but its security groups admit no HTTPS from the tasks)');
    // The tasks' groups unknown (none named: the VPC default group), or an unresolved rule: not judged.
    expect(withGroups([https({ SourceSecurityGroupId: { 'Fn::GetAtt': ['OtherSg', 'GroupId'] } })], [])).toEqual([]);
    expect(withGroups([{ IpProtocol: 'tcp', FromPort: { Ref: 'P' }, ToPort: { Ref: 'P' }, CidrIp: '10.0.0.0/16' }])).toEqual([]);
  });

  test('good: an S3 gateway endpoint on another route table does not count', () => {
    const { S3, ...rest } = ALL_ENDPOINTS;
    const other = { OtherTable: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } }, S3: endpoint('s3', undefined, { RouteTableIds: [{ Ref: 'OtherTable' }] }) };
    expect(messages(template({ extra: { ...rest, ...other } }))[0]).toContain('cannot reach an S3 endpoint on the route table');
  });

  test('unresolved: a subnet, route table or endpoint the templates do not decide is skipped', () => {
    const r = template();
    (r.Svc.Properties as any).NetworkConfiguration.AwsvpcConfiguration.Subnets = [{ Ref: 'SubnetParam' }];
    expect(messages(r)).toEqual([]);
    expect(messages(template({ extra: { Ep: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'VpcParam' }, ServiceName: 'com.amazonaws.eu-west-1.ecr.dkr' } } } }))).toEqual([]);
    expect(messages(template({ extra: { R: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'TableParam' }, NatGatewayId: 'nat-1' } } } }))).toEqual([]);
    expect(messages(template({ image: { Ref: 'ImageParam' } }))).toEqual([]);
    // No association: the subnet uses the VPC's main route table, which the template cannot show.
    const noAssoc = template({ image: 'nginx:1.27' });
    delete noAssoc.Assoc;
    expect(messages(noAssoc)).toEqual([]);
  });

  test('cross-stack: network in one stack, service in another through exports', () => {
    const network = template({ image: 'nginx:1.27' });
    const { Task, Svc, ...net } = network;
    const svc = JSON.parse(JSON.stringify(Svc).replace('{"Ref":"Subnet"}', '{"Fn::ImportValue":"net-subnet"}'));
    const stacks = (netExtra: Resources) => assemblyOfStacks([
      { name: 'Net', template: { Resources: { ...net, ...netExtra }, Outputs: { S: { Value: { Ref: 'Subnet' }, Export: { Name: 'net-subnet' } } } } },
      { name: 'App', template: { Resources: { Task, Svc: svc } } },
    ]);
    expect(checkAssembly(RC01_IMAGE_PULL_PATH, stacks({})).map((f) => f.path)).toEqual(['App/Svc']);
    const natRoute = { R: { Type: 'AWS::EC2::Route', Properties: { RouteTableId: { Ref: 'Table' }, NatGatewayId: 'nat-1' } } };
    expect(checkAssembly(RC01_IMAGE_PULL_PATH, stacks(natRoute))).toEqual([]);
  });
});

describe('ECS-RC-01 on aws-cdk-lib L2 templates', () => {
  function l2(subnetType: ec2.SubnetType, options: { ecr: boolean; endpoints: boolean; paths?: boolean; closed?: 'closed' | 'vpc-cidr' }): AssemblyModel {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': options.paths ?? false } });
    const stack = new Stack(app, 'L2');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: subnetType === ec2.SubnetType.PRIVATE_WITH_EGRESS ? 1 : 0,
      subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'App', subnetType }],
    });
    if (options.endpoints) {
      vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
      const E = ec2.InterfaceVpcEndpointAwsService;
      const services = [E.ECR, E.ECR_DOCKER, E.CLOUDWATCH_LOGS];
      // open: false leaves the endpoints' group without ingress unless a rule is added (the VPC CIDR, as examples/hardened-vpc.ts does).
      const endpointSg = new ec2.SecurityGroup(stack, 'EndpointSg', { vpc, allowAllOutbound: false });
      if (options.closed === 'vpc-cidr') endpointSg.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(443));
      for (const s of services) {
        vpc.addInterfaceEndpoint(s.shortName, { service: s, ...options.closed ? { open: false, securityGroups: [endpointSg] } : {} });
      }
    }
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const task = new ecs.FargateTaskDefinition(stack, 'Task');
    const image = options.ecr
      ? ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'app'), '1.0')
      : ecs.ContainerImage.fromRegistry('nginx:1.27');
    task.addContainer('app', { image, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
    new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task, vpcSubnets: { subnetType } });
    return new AssemblyModel([{ name: 'L2', template: Template.fromStack(stack).toJSON() }]);
  }
  const run = (a: AssemblyModel) => runRules(a, { rules: [RC01_IMAGE_PULL_PATH] }).map((f) => f.message);

  test('bad: endpoints created with open: false and no ingress rule for the tasks; good with an ingress rule from the VPC CIDR', () => {
    const [message] = run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: true, endpoints: true, closed: 'closed' }));
    expect(message).toContain('cannot reach the ecr.api endpoint (present, but its security groups admit no HTTPS from the tasks), '
      + 'the ecr.dkr endpoint (present, but its security groups admit no HTTPS from the tasks) or the logs endpoint (present, but its security groups');
    expect(run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: true, endpoints: true, closed: 'vpc-cidr' }))).toEqual([]);
    expect(run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: true, endpoints: true }))).toEqual([]);
  });

  test('bad: PRIVATE_ISOLATED subnets with a Docker Hub image', () => {
    const [message] = run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: false, endpoints: true }));
    expect(message).toMatch(/^\[ECS-RC-01\] tasks of Task\w+ in subnets VpcAppSubnet1Subnet\w+, VpcAppSubnet2Subnet\w+ \(no route out of the VPC\) cannot reach image 'nginx:1.27'/);
  });

  test('with path metadata (as the CDK CLI synthesizes) the task and subnets are named by their construct paths', () => {
    const [message] = run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: false, endpoints: true, paths: true }));
    expect(message).toMatch(/^\[ECS-RC-01\] tasks of Task in subnets Vpc\/AppSubnet1\/Subnet, Vpc\/AppSubnet2\/Subnet \(no route out of the VPC\)/);
  });

  test('bad: PRIVATE_ISOLATED subnets with an ECR image and no endpoints', () => {
    expect(run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: true, endpoints: false }))[0])
      .toContain('cannot reach the ecr.api endpoint, the ecr.dkr endpoint, an S3 endpoint on the route table (ECR image layers) or the logs endpoint (awslogs)');
  });

  test('good: isolated subnets with the endpoints, and private subnets with a NAT gateway', () => {
    expect(run(l2(ec2.SubnetType.PRIVATE_ISOLATED, { ecr: true, endpoints: true }))).toEqual([]);
    expect(run(l2(ec2.SubnetType.PRIVATE_WITH_EGRESS, { ecr: false, endpoints: false }))).toEqual([]);
  });
});

describe('ECS-RC-01 on Express services', () => {
  function express(o: { image?: unknown; route?: 'igw' | 'nat' | 'none'; subnets?: boolean; secret?: boolean; own?: boolean; extra?: Resources } = {}): Resources {
    const container: Record<string, unknown> = { Image: o.image ?? ECR_IMAGE, ContainerPort: 8080 };
    if (o.secret) container.Secrets = [{ Name: 'DB', ValueFrom: 'arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-AbCdEf' }];
    const r: Resources = {
      ...subnetOnTable(),
      Api: {
        Type: 'AWS::ECS::ExpressGatewayService',
        Properties: {
          ExecutionRoleArn: 'arn:aws:iam::111111111111:role/exec',
          InfrastructureRoleArn: 'arn:aws:iam::111111111111:role/infra',
          ...o.own ? { TaskDefinitionArn: { Ref: 'Task' } } : { PrimaryContainer: container },
          ...o.subnets === false ? {} : { NetworkConfiguration: { Subnets: [{ Ref: 'Subnet' }] } },
        },
      },
      ...o.own ? { Task: fargateTask({ ContainerDefinitions: [{ Name: 'web', Image: o.image ?? ECR_IMAGE, Essential: true }] }) } : {},
      ...o.extra,
    };
    return addDefaultRoute(r, o.route);
  }

  test('bad: an ECR Public image in a subnet with no route out of the VPC', () => {
    expect(messages(express({ image: 'public.ecr.aws/nginx/nginx:1.27', extra: ALL_ENDPOINTS }))).toEqual([
      "[ECS-RC-01] tasks of Api in subnet Subnet (no route out of the VPC) cannot reach image 'public.ecr.aws/nginx/nginx:1.27' of container 'primary container' "
      + '(outside ECR, needs internet access) at TestStack/Api; allowed: a NAT gateway route, a public IP (Fargate in a public subnet), or VPC endpoints for ECR '
      + '(ecr.api, ecr.dkr, S3 gateway), logs and secrets; images outside ECR need internet access. '
      + 'Copy the image into ECR (e.g. through a pull-through cache rule) and add the ECR endpoints, or route the subnets through a NAT gateway.',
    ]);
  });

  test('bad: an ECR image needs the ECR endpoints and logs (Express always ships logs), and secretsmanager for its secrets', () => {
    const [message] = messages(express({ secret: true }));
    expect(message).toContain('cannot reach the ecr.api endpoint, the ecr.dkr endpoint, an S3 endpoint on the route table (ECR image layers), '
      + 'the logs endpoint (awslogs) or the secretsmanager endpoint (secrets)');
    const { Logs, ...noLogs } = ALL_ENDPOINTS;
    expect(messages(express({ extra: noLogs }))[0]).toContain('cannot reach the logs endpoint (awslogs)');
  });

  test('bad: with its own task definition, that task\'s images count', () => {
    expect(messages(express({ own: true, image: 'nginx:1.27', extra: ALL_ENDPOINTS }))[0]).toContain("cannot reach image 'nginx:1.27' of container 'web'");
  });

  test('good: a NAT route, every endpoint, no subnets (the default VPC), or an internet-gateway subnet (the Express API has no AssignPublicIp)', () => {
    expect(messages(express({ image: 'nginx:1.27', route: 'nat' }))).toEqual([]);
    expect(messages(express({ secret: true, extra: ALL_ENDPOINTS }))).toEqual([]);
    expect(messages(express({ image: 'nginx:1.27', subnets: false }))).toEqual([]);
    expect(messages(express({ image: 'nginx:1.27', route: 'igw' }))).toEqual([]);
  });

  test('silent when the image is unresolved', () => {
    expect(messages(express({ image: { Ref: 'ImageParam' }, extra: { Logs: ALL_ENDPOINTS.Logs } }))).toEqual([]);
  });
});

describe('ECS-RC-01 with an ECR image of another Region (found by a pipeline user trial)', () => {
  const EU_IMAGE = '999999999999.dkr.ecr.eu-west-1.amazonaws.com/tooling/app:1';
  const inRegion = (region: string | undefined, extra: Resources) => runRules(assemblyOfStacks([{
    name: 'Prod',
    template: { Resources: template({ image: EU_IMAGE, extra }) },
    environment: region ? { account: '333333333333', region } : {},
  }]), { rules: [RC01_IMAGE_PULL_PATH] }).map((f) => f.message);
  const literalEndpoint = (service: string, region: string, type?: string, extra: Record<string, unknown> = {}) => ({
    Type: 'AWS::EC2::VPCEndpoint',
    Properties: { VpcId: { Ref: 'Vpc' }, ServiceName: `com.amazonaws.${region}.${service}`, ...type ? { VpcEndpointType: type } : {}, ...extra },
  });
  const homeEndpoints: Resources = {
    EcrApi: literalEndpoint('ecr.api', 'us-east-1', 'Interface'),
    EcrDkr: literalEndpoint('ecr.dkr', 'us-east-1', 'Interface'),
    S3: literalEndpoint('s3', 'us-east-1', undefined, { RouteTableIds: [{ Ref: 'Table' }] }),
  };

  test('bad: isolated us-east-1 subnets with us-east-1 ECR and S3 endpoints cannot pull an eu-west-1 image; the fix names replication', () => {
    const [message] = inRegion('us-east-1', homeEndpoints);
    expect(message).toContain(`cannot reach image '${EU_IMAGE}' of container 'app' (ECR in eu-west-1, not us-east-1: this VPC's endpoints serve us-east-1 only; `
      + 'it needs an ecr.api interface endpoint with ServiceRegion eu-west-1, an ecr.dkr interface endpoint with ServiceRegion eu-west-1 or an s3 interface '
      + 'endpoint with ServiceRegion eu-west-1, or internet access)');
    expect(message).toContain('Replicate the repository into this Region (ECR replication');
  });

  test('good: cross-Region interface endpoints (ServiceRegion eu-west-1); an env-agnostic stack; a stack in the image\'s own Region', () => {
    const crossRegion: Resources = {
      XApi: literalEndpoint('ecr.api', 'eu-west-1', 'Interface', { ServiceRegion: 'eu-west-1' }),
      XDkr: literalEndpoint('ecr.dkr', 'eu-west-1', 'Interface', { ServiceRegion: 'eu-west-1' }),
      XS3: literalEndpoint('s3', 'eu-west-1', 'Interface', { ServiceRegion: 'eu-west-1' }),
    };
    expect(inRegion('us-east-1', { ...homeEndpoints, ...crossRegion })).toEqual([]);
    expect(inRegion(undefined, homeEndpoints)).toEqual([]);
    expect(inRegion('eu-west-1', {
      EcrApi: literalEndpoint('ecr.api', 'eu-west-1', 'Interface'),
      EcrDkr: literalEndpoint('ecr.dkr', 'eu-west-1', 'Interface'),
      S3: literalEndpoint('s3', 'eu-west-1', undefined, { RouteTableIds: [{ Ref: 'Table' }] }),
    })).toEqual([]);
  });
});
