/** ECS-RC-09: EC2 container instances need a network path to ECS and to what their tasks use. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecr from 'aws-cdk-lib/aws-ecr';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { addDefaultRoute } from './fixtures';
import { EcsCluster } from '../../../src/cluster';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC09_CONTAINER_INSTANCE_REACH } from '../../../src/rules/reach/rc-09-container-instance-reach';
import { WorkerService } from '../../../src/service';
import { ManagedInstancesTask } from '../../../src/task';
import { check, Resources } from '../helpers';

const ECR_IMAGE = { 'Fn::Join': ['', ['111111111111.dkr.ecr.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }, '/app:1']] };
const endpoint = (service: string, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::EC2::VPCEndpoint',
  Properties: {
    VpcId: { Ref: 'Vpc' },
    ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
    ...service === 's3' ? {} : { VpcEndpointType: 'Interface' },
    ...extra,
  },
});
const AGENT_ENDPOINTS: Resources = { Ecs: endpoint('ecs'), EcsAgent: endpoint('ecs-agent'), EcsTelemetry: endpoint('ecs-telemetry') };
const TASK_ENDPOINTS: Resources = {
  EcrApi: endpoint('ecr.api'),
  EcrDkr: endpoint('ecr.dkr'),
  Logs: endpoint('logs'),
  S3: endpoint('s3', { RouteTableIds: [{ Ref: 'Table' }] }),
};

interface Options {
  route?: 'igw' | 'nat' | 'none';
  /** AssociatePublicIpAddress on the launch template's first interface. */
  publicIp?: unknown;
  mapPublicIp?: boolean;
  image?: unknown;
  /** Whether a service names the provider in its strategy. */
  service?: boolean;
  extra?: Resources;
}

function template(o: Options = {}): Resources {
  const r: Resources = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Subnet: {
      Type: 'AWS::EC2::Subnet',
      Properties: { VpcId: { Ref: 'Vpc' }, CidrBlock: '10.0.0.0/24', ...o.mapPublicIp !== undefined ? { MapPublicIpOnLaunch: o.mapPublicIp } : {} },
    },
    Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: { Ref: 'Vpc' } } },
    Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: { Ref: 'Subnet' }, RouteTableId: { Ref: 'Table' } } },
    Lt: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          ImageId: 'ami-0123456789abcdef0',
          ...o.publicIp !== undefined ? { NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: o.publicIp }] } : {},
        },
      },
    },
    Asg: {
      Type: 'AWS::AutoScaling::AutoScalingGroup',
      Properties: {
        MinSize: '0',
        MaxSize: '2',
        VPCZoneIdentifier: [{ Ref: 'Subnet' }],
        LaunchTemplate: { LaunchTemplateId: { Ref: 'Lt' }, Version: { 'Fn::GetAtt': ['Lt', 'LatestVersionNumber'] } },
      },
    },
    Provider: { Type: 'AWS::ECS::CapacityProvider', Properties: { AutoScalingGroupProvider: { AutoScalingGroupArn: { Ref: 'Asg' } } } },
    ...o.extra,
  };
  if (o.service) {
    r.Task = {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        RequiresCompatibilities: ['EC2'],
        ContainerDefinitions: [{
          Name: 'app',
          Image: o.image ?? ECR_IMAGE,
          Memory: 512,
          Essential: true,
          LogConfiguration: { LogDriver: 'awslogs', Options: { 'awslogs-group': 'g', 'awslogs-region': 'eu-west-1' } },
        }],
      },
    };
    r.Svc = {
      Type: 'AWS::ECS::Service',
      Properties: { TaskDefinition: { Ref: 'Task' }, CapacityProviderStrategy: [{ CapacityProvider: { Ref: 'Provider' }, Weight: 1 }] },
    };
  }
  return addDefaultRoute(r, o.route);
}

const messages = (resources: Resources) => check(RC09_CONTAINER_INSTANCE_REACH, resources).map((f) => f.message);

describe('ECS-RC-09 container instance reach (L1)', () => {
  test('bad: instances in an isolated subnet without the ECS endpoints never register', () => {
    const findings = check(RC09_CONTAINER_INSTANCE_REACH, template());
    expect(findings.map((f) => f.message)).toEqual([
      '[ECS-RC-09] container instances of capacity provider Provider in subnet Subnet (no route out of the VPC) cannot reach the ecs endpoint, '
      + 'the ecs-agent endpoint or the ecs-telemetry endpoint, so they never register with the cluster at TestStack/Asg; '
      + 'allowed: a NAT gateway route, a public IP in a public subnet, or VPC endpoints for ECS (ecs, ecs-agent, ecs-telemetry) and for what the tasks use: '
      + 'ECR (ecr.api, ecr.dkr, S3 gateway), logs and secrets; images outside ECR need internet access. '
      + 'Add the VPC endpoints (vpc.addInterfaceEndpoint with InterfaceVpcEndpointAwsService.ECS, ECS_AGENT, ECS_TELEMETRY), '
      + 'or place the instances in subnets with a NAT gateway route (vpcSubnets: PRIVATE_WITH_EGRESS).',
    ]);
    expect(findings[0]).toMatchObject({ logicalId: 'Asg', property: 'Properties/VPCZoneIdentifier', value: '["Subnet"]' });
  });

  test('bad: with the agent endpoints, the tasks of a service on the provider still need ECR, S3 and logs', () => {
    expect(messages(template({ service: true, extra: AGENT_ENDPOINTS }))).toEqual([
      expect.stringContaining('cannot reach the ecr.api endpoint, the ecr.dkr endpoint, an S3 endpoint on the route table (ECR image layers) or the logs endpoint at TestStack/Asg'),
    ]);
    // Not "never register": the agent can.
    expect(messages(template({ service: true, extra: AGENT_ENDPOINTS }))[0]).not.toContain('never register');
  });

  test('bad: an image outside ECR needs internet access whatever the endpoints', () => {
    const found = messages(template({ service: true, image: 'nginx:1.27', extra: { ...AGENT_ENDPOINTS, ...TASK_ENDPOINTS } }));
    expect(found).toEqual([expect.stringContaining("cannot reach image 'nginx:1.27' of container 'app' (outside ECR, needs internet access)")]);
    expect(found[0]).toContain('Copy the images into ECR');
  });

  test('bad: a public subnet whose instances get no public IP', () => {
    expect(messages(template({ route: 'igw', publicIp: false }))).toEqual([expect.stringContaining('(an internet gateway route but no public IP)')]);
    expect(messages(template({ route: 'igw' }))).toHaveLength(1); // neither the launch template nor the subnet gives one
  });

  test('good: a NAT route, a public IP, or every endpoint', () => {
    expect(messages(template({ route: 'nat', service: true }))).toEqual([]);
    expect(messages(template({ route: 'igw', publicIp: true }))).toEqual([]);
    expect(messages(template({ route: 'igw', mapPublicIp: true }))).toEqual([]);
    expect(messages(template({ service: true, extra: { ...AGENT_ENDPOINTS, ...TASK_ENDPOINTS } }))).toEqual([]);
  });

  test('good: silent on what the template does not decide', () => {
    // The public IP setting is a parameter.
    expect(messages(template({ route: 'igw', publicIp: { Ref: 'PublicIp' } }))).toEqual([]);
    // The subnet is outside the app.
    const outside = template();
    (outside.Asg.Properties as Record<string, unknown>).VPCZoneIdentifier = ['subnet-0123'];
    expect(messages(outside)).toEqual([]);
    // An endpoint whose service name cannot be read could be any of them.
    expect(messages(template({ extra: { Any: { Type: 'AWS::EC2::VPCEndpoint', Properties: { VpcId: { Ref: 'Vpc' }, ServiceName: { Ref: 'Name' } } } } }))).toEqual([]);
    // Instances that go out through an HTTP proxy in the VPC (plain and base64 user data).
    for (const userData of [{ 'Fn::Base64': 'echo ECS_HTTP_PROXY=10.0.0.5:3128 >> /etc/ecs/ecs.config' }, Buffer.from('HTTP_PROXY=http://10.0.0.5:3128').toString('base64')]) {
      const proxied = template();
      ((proxied.Lt.Properties as Record<string, Record<string, unknown>>).LaunchTemplateData).UserData = userData;
      expect(messages(proxied)).toEqual([]);
    }
    // A group of another account or stack, named by ARN.
    const external = template();
    (external.Provider.Properties as Record<string, Record<string, unknown>>).AutoScalingGroupProvider.AutoScalingGroupArn = 'arn:aws:autoscaling:eu-west-1:111111111111:autoScalingGroup:x';
    expect(messages(external)).toEqual([]);
  });
});

describe('ECS-RC-09 on aws-cdk-lib and kit templates', () => {
  /** aws:cdk:path metadata, as the CDK CLI writes it. */
  const PATHS = { 'aws:cdk:enable-path-metadata': true };
  const run = (...stacks: Stack[]) => {
    const model = new AssemblyModel(stacks.map((s) => ({ name: s.stackName, template: Template.fromStack(s).toJSON() })));
    return runRules(model, { rules: [RC09_CONTAINER_INSTANCE_REACH] }).map((f) => `${f.path} ${f.property}`);
  };

  /** A VPC whose app subnets are isolated (no NAT) or private with a NAT gateway. */
  function appVpc(name: string, isolated: boolean): { stack: Stack; vpc: ec2.Vpc } {
    const stack = new Stack(new App({ context: PATHS }), name);
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: isolated ? 0 : 1,
      subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'app', subnetType: isolated ? ec2.SubnetType.PRIVATE_ISOLATED : ec2.SubnetType.PRIVATE_WITH_EGRESS }],
    });
    return { stack, vpc };
  }

  function ec2App(subnetType: ec2.SubnetType, endpoints: boolean, vpn = false, closed?: 'closed' | 'admit-asg'): Stack {
    const stack = new Stack(new App({ context: PATHS }), 'Ec2');
    const endpointList: ec2.InterfaceVpcEndpoint[] = [];
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      maxAzs: 2,
      natGateways: subnetType === ec2.SubnetType.PRIVATE_WITH_EGRESS ? 1 : 0,
      subnetConfiguration: [{ name: 'public', subnetType: ec2.SubnetType.PUBLIC }, { name: 'app', subnetType }],
      // Hybrid egress: on-premises advertises the default route over the VPN into the app subnets' route tables.
      ...vpn ? { vpnGateway: true, vpnConnections: { onPrem: { ip: '203.0.113.10', asn: 65001 } }, vpnRoutePropagation: [{ subnetType }] } : {},
    });
    if (endpoints) {
      const services = ec2.InterfaceVpcEndpointAwsService;
      for (const s of [services.ECS, services.ECS_AGENT, services.ECS_TELEMETRY, services.ECR, services.ECR_DOCKER, services.CLOUDWATCH_LOGS]) {
        endpointList.push(vpc.addInterfaceEndpoint(s.shortName, { service: s, open: !closed }));
      }
      vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
    }
    const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
    const asg: autoscaling.AutoScalingGroup = new autoscaling.AutoScalingGroup(stack, 'Asg', {
      vpc,
      vpcSubnets: { subnetType },
      instanceType: new ec2.InstanceType('m6i.large'),
      machineImage: ecs.EcsOptimizedImage.amazonLinux2023(),
    });
    if (closed === 'admit-asg') for (const e of endpointList) e.connections.allowDefaultPortFrom(asg);
    const provider = new ecs.AsgCapacityProvider(stack, 'Provider', { autoScalingGroup: asg });
    cluster.addAsgCapacityProvider(provider);
    const task = new ecs.Ec2TaskDefinition(stack, 'Task');
    const repo = ecr.Repository.fromRepositoryName(stack, 'Repo', 'app');
    task.addContainer('app', { image: ecs.ContainerImage.fromEcrRepository(repo, '1'), memoryLimitMiB: 512, logging: ecs.LogDrivers.awsLogs({ streamPrefix: 'app' }) });
    new ecs.Ec2Service(stack, 'Svc', { cluster, taskDefinition: task, capacityProviderStrategies: [{ capacityProvider: provider.capacityProviderName, weight: 1 }] });
    return stack;
  }

  test('bad: an AsgCapacityProvider in isolated subnets without endpoints', () => {
    expect(run(ec2App(ec2.SubnetType.PRIVATE_ISOLATED, false))).toEqual(['Ec2/Asg/ASG Properties/VPCZoneIdentifier']);
  });

  test('bad: endpoints with open: false that admit nothing from the instances; good once they admit the Auto Scaling group', () => {
    const model = (stack: Stack) => new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]);
    const [finding] = runRules(model(ec2App(ec2.SubnetType.PRIVATE_ISOLATED, true, false, 'closed')), { rules: [RC09_CONTAINER_INSTANCE_REACH] });
    expect(finding.message).toContain('cannot reach the ecs endpoint (present, but its security groups admit no HTTPS from the instances)');
    expect(finding.message).toContain('so they never register with the cluster');
    expect(finding.message).toContain('admit HTTPS from the instances: endpoint.connections.allowDefaultPortFrom(autoScalingGroup)');
    expect(run(ec2App(ec2.SubnetType.PRIVATE_ISOLATED, true, false, 'admit-asg'))).toEqual([]);
  });

  test('good: isolated subnets whose route tables take routes propagated from a VPN (egress through on-premises)', () => {
    expect(run(ec2App(ec2.SubnetType.PRIVATE_ISOLATED, false, true))).toEqual([]);
  });

  test('good: private subnets with a NAT gateway, or isolated subnets with every endpoint', () => {
    expect(run(ec2App(ec2.SubnetType.PRIVATE_WITH_EGRESS, false))).toEqual([]);
    expect(run(ec2App(ec2.SubnetType.PRIVATE_ISOLATED, true))).toEqual([]);
  });

  test('bad and good: the kit cluster\'s addEc2Capacity', () => {
    const build = (isolated: boolean) => {
      const { stack, vpc } = appVpc('Kit', isolated);
      const cluster = new EcsCluster(stack, 'Cluster', { vpc });
      cluster.addEc2Capacity('Ec2', {
        instanceTypes: [new ec2.InstanceType('m6i.large')],
        ...isolated ? { vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } } : {},
      });
      return stack;
    };
    expect(run(build(true))).toEqual([expect.stringMatching(/^Kit\/Cluster\/Ec2\/.* Properties\/VPCZoneIdentifier$/)]);
    expect(run(build(false))).toEqual([]);
  });

  test('bad and good: the kit\'s Managed Instances capacity, whose instances pull the images (found by a Managed Instances user trial)', () => {
    const build = (isolated: boolean, endpoints = false) => {
      const { stack, vpc } = appVpc('Mi', isolated);
      if (endpoints) {
        const services = ec2.InterfaceVpcEndpointAwsService;
        for (const e of [services.ECS, services.ECS_AGENT, services.ECS_TELEMETRY, services.ECR, services.ECR_DOCKER, services.CLOUDWATCH_LOGS]) {
          vpc.addInterfaceEndpoint(e.shortName, { service: e });
        }
        vpc.addGatewayEndpoint('S3', { service: ec2.GatewayVpcEndpointAwsService.S3 });
      }
      const cluster = new EcsCluster(stack, 'Cluster', { vpc });
      const mi = cluster.addManagedInstancesCapacity('Mi', {});
      const task = new ManagedInstancesTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromEcrRepository(ecr.Repository.fromRepositoryName(stack, 'Repo', 'app'), '1') } });
      new WorkerService(stack, 'Worker', { cluster, task, managedInstancesCapacity: mi });
      return stack;
    };
    const model = (stack: Stack) => new AssemblyModel([{ name: stack.stackName, template: Template.fromStack(stack).toJSON() }]);
    const [finding] = runRules(model(build(true)), { rules: [RC09_CONTAINER_INSTANCE_REACH] });
    expect(finding.path).toMatch(/^Mi\/Cluster\/Mi\//);
    expect(finding.property).toBe('Properties/ManagedInstancesProvider/InstanceLaunchTemplate/NetworkConfiguration/Subnets');
    expect(finding.message).toMatch(/Managed Instances of capacity provider .* \(no route out of the VPC\) cannot reach the ecs endpoint, the ecs-agent endpoint, .*the ecr\.api endpoint/);
    expect(finding.message).toContain('or place the instances in subnets with a NAT gateway route (vpcSubnets of addManagedInstancesCapacity)');
    expect(run(build(false))).toEqual([]);
    expect(run(build(true, true))).toEqual([]);
  });
});
