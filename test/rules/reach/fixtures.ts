/** L1 templates for the load-balancing reach rules: an ALB in front of a Fargate service. */
import { AssemblyModel, CfnTemplate } from '../../../src/rules/model';
import { assemblyOfStacks, fargateTask, Resources } from '../helpers';

export const SG = 'AWS::EC2::SecurityGroup';
export const INGRESS = 'AWS::EC2::SecurityGroupIngress';
export const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
export const TG = 'AWS::ElasticLoadBalancingV2::TargetGroup';
export const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
export const RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';

export const sgId = (id: string) => ({ 'Fn::GetAtt': [id, 'GroupId'] });
export const ref = (id: string) => ({ Ref: id });

function subnet(az: unknown, cidr: string): Resources[string] {
  return { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: cidr, AvailabilityZone: az } };
}

/**
 * A VPC with an internet gateway and two subnets in two zones, an ALB (LbSg)
 * with an HTTP listener forwarding to an ip target group on 8080, and a
 * Fargate service (TaskSg) whose task maps container 'app' port 8080. TaskSg
 * admits LbSg on 8080 through a separate AWS::EC2::SecurityGroupIngress.
 */
export function albService(): Resources {
  return {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Igw: { Type: 'AWS::EC2::InternetGateway', Properties: {} },
    IgwAttach: { Type: 'AWS::EC2::VPCGatewayAttachment', Properties: { VpcId: ref('Vpc'), InternetGatewayId: ref('Igw') } },
    SubnetA: subnet('eu-west-1a', '10.0.0.0/24'),
    SubnetB: subnet('eu-west-1b', '10.0.1.0/24'),
    LbSg: {
      Type: SG,
      Properties: { GroupDescription: 'lb', VpcId: ref('Vpc'), SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, CidrIp: '0.0.0.0/0' }] },
    },
    TaskSg: { Type: SG, Properties: { GroupDescription: 'tasks', VpcId: ref('Vpc') } },
    TaskSgFromLb: {
      Type: INGRESS,
      Properties: { GroupId: sgId('TaskSg'), IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: sgId('LbSg') },
    },
    Lb: { Type: LB, Properties: { Subnets: [ref('SubnetA'), ref('SubnetB')], SecurityGroups: [sgId('LbSg')] } },
    Tg: { Type: TG, Properties: { Port: 8080, Protocol: 'HTTP', TargetType: 'ip', VpcId: ref('Vpc') } },
    Listener: {
      Type: LISTENER,
      Properties: { LoadBalancerArn: ref('Lb'), Port: 80, Protocol: 'HTTP', DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }] },
    },
    Task: fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Essential: true, PortMappings: [{ ContainerPort: 8080 }] }] }),
    Service: {
      Type: 'AWS::ECS::Service',
      DependsOn: ['Listener'],
      Properties: {
        TaskDefinition: ref('Task'),
        LaunchType: 'FARGATE',
        LoadBalancers: [{ ContainerName: 'app', ContainerPort: 8080, TargetGroupArn: ref('Tg') }],
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [ref('SubnetA'), ref('SubnetB')], SecurityGroups: [sgId('TaskSg')] } },
      },
    },
  };
}

/** Properties of a resource, for changing a fixture in place. */
export function props(r: Resources, id: string): Record<string, unknown> {
  return r[id].Properties!;
}

/** First entry of the service's LoadBalancers. */
export function lbEntry(r: Resources, id = 'Service'): Record<string, unknown> {
  return (props(r, id).LoadBalancers as Record<string, unknown>[])[0];
}

/**
 * Two stacks: `second` holds the listed resources, `First` the rest. Every
 * Ref / Fn::GetAtt that crosses stacks becomes an Export of the owner and an
 * Fn::ImportValue in the user, as aws-cdk-lib writes them.
 */
export function splitStacks(r: Resources, moved: readonly string[], names: [string, string] = ['First', 'Second']): AssemblyModel {
  const home = (id: string) => (moved.includes(id) ? 1 : 0);
  const templates: { Resources: Resources; Outputs: Record<string, unknown> }[] = [{ Resources: {}, Outputs: {} }, { Resources: {}, Outputs: {} }];
  const rewrite = (value: unknown, stack: number): unknown => {
    if (Array.isArray(value)) return value.map((v) => rewrite(v, stack));
    if (!value || typeof value !== 'object') return value;
    const obj = value as Record<string, unknown>;
    const target = typeof obj.Ref === 'string' ? obj.Ref
      : Array.isArray(obj['Fn::GetAtt']) ? (obj['Fn::GetAtt'] as string[])[0] : undefined;
    if (target !== undefined && Object.keys(obj).length === 1 && r[target] && home(target) !== stack) {
      const owner = home(target);
      const exportName = `${names[owner]}:Export${JSON.stringify(obj).replace(/[^A-Za-z0-9]/g, '')}`;
      templates[owner].Outputs[exportName.replace(/[^A-Za-z0-9]/g, '')] = { Value: obj, Export: { Name: exportName } };
      return { 'Fn::ImportValue': exportName };
    }
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, rewrite(v, stack)]));
  };
  for (const [id, res] of Object.entries(r)) {
    const stack = home(id);
    const copy: Resources[string] = { ...res, Properties: rewrite(res.Properties ?? {}, stack) as Record<string, unknown> };
    if (Array.isArray(copy.DependsOn)) copy.DependsOn = (copy.DependsOn as string[]).filter((d) => home(d) === stack);
    templates[stack].Resources[id] = copy;
  }
  return assemblyOfStacks(templates.map((t, i) => ({ name: names[i], template: t as CfnTemplate })));
}

/**
 * The default route of route table `Table`: to an internet gateway (`Igw`, added) or a NAT gateway;
 * none leaves the subnet isolated. Used by the subnet-reach rules (ECS-RC-01, ECS-RC-09).
 */
export function addDefaultRoute(r: Resources, route: 'igw' | 'nat' | 'none' | undefined): Resources {
  if (route === 'igw') {
    r.Igw = { Type: 'AWS::EC2::InternetGateway', Properties: {} };
    r.Route = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '0.0.0.0/0', GatewayId: ref('Igw') } };
  }
  if (route === 'nat') {
    r.Route = { Type: 'AWS::EC2::Route', Properties: { RouteTableId: ref('Table'), DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-0123' } };
  }
  return r;
}

/** A VPC with one subnet on route table `Table`, which has no route until addDefaultRoute gives it one (ECS-RC-01, ECS-RC-15). */
export function subnetOnTable(): Resources {
  return {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: '10.0.0.0/16' } },
    Subnet: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: '10.0.0.0/24' } },
    Table: { Type: 'AWS::EC2::RouteTable', Properties: { VpcId: ref('Vpc') } },
    Assoc: { Type: 'AWS::EC2::SubnetRouteTableAssociation', Properties: { SubnetId: ref('Subnet'), RouteTableId: ref('Table') } },
  };
}

/** An EventBridge Scheduler schedule that runs task definition `Task` on Fargate with this awsvpc configuration. */
export function fargateSchedule(awsvpc: Record<string, unknown>): Resources[string] {
  return {
    Type: 'AWS::Scheduler::Schedule',
    Properties: {
      ScheduleExpression: 'rate(1 day)',
      FlexibleTimeWindow: { Mode: 'OFF' },
      Target: {
        Arn: 'arn:aws:ecs:eu-west-1:111111111111:cluster/c',
        RoleArn: 'arn:aws:iam::111111111111:role/r',
        EcsParameters: { TaskDefinitionArn: ref('Task'), LaunchType: 'FARGATE', NetworkConfiguration: { AwsvpcConfiguration: awsvpc } },
      },
    },
  };
}

/** A Fargate service of task definition `Task` in subnet-1 with these security groups (default: `Sg`) and more properties. */
export function fargateServiceInGroups(groups: unknown[] = [sgId('Sg')], more: Record<string, unknown> = {}): Resources[string] {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      TaskDefinition: ref('Task'),
      LaunchType: 'FARGATE',
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], SecurityGroups: groups } },
      ...more,
    },
  };
}

/** A separate AWS::EC2::SecurityGroupIngress or AWS::EC2::SecurityGroupEgress of group `Sg`. */
export function sgRule(type: typeof INGRESS | 'AWS::EC2::SecurityGroupEgress', rule: Record<string, unknown>): Resources[string] {
  return { Type: type, Properties: { GroupId: sgId('Sg'), ...rule } };
}

/** A service of task definition `Task` in subnet `Subnet` (Fargate unless `launch` says otherwise), with AssignPublicIp when given. */
export function serviceInSubnet(launch: Record<string, unknown> = { LaunchType: 'FARGATE' }, assign?: string): Resources[string] {
  return {
    Type: 'AWS::ECS::Service',
    Properties: {
      TaskDefinition: ref('Task'),
      ...launch,
      NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [ref('Subnet')], ...assign ? { AssignPublicIp: assign } : {} } },
    },
  };
}

/** A Fargate service (TaskSg) mounting file system Fs, whose one mount target has group MtSg with no ingress. */
export function efsService(): Resources {
  return {
    TaskSg: { Type: SG, Properties: { GroupDescription: 'tasks', VpcId: 'vpc-1' } },
    MtSg: { Type: SG, Properties: { GroupDescription: 'efs', VpcId: 'vpc-1' } },
    Fs: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } },
    Mt: { Type: 'AWS::EFS::MountTarget', Properties: { FileSystemId: ref('Fs'), SubnetId: 'subnet-1', SecurityGroups: [sgId('MtSg')] } },
    Task: fargateTask({
      Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: ref('Fs'), TransitEncryption: 'ENABLED' } }],
      ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', Essential: true, MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data' }] }],
    }),
    Service: {
      Type: 'AWS::ECS::Service',
      Properties: {
        TaskDefinition: ref('Task'),
        LaunchType: 'FARGATE',
        NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-1'], SecurityGroups: [sgId('TaskSg')] } },
      },
    },
  };
}
