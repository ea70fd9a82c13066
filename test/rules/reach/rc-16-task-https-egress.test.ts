/** ECS-RC-16: Fargate tasks' security groups must let HTTPS out (image pulls, logs, secrets go through the task's interface). */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC16_TASK_HTTPS_EGRESS } from '../../../src/rules/reach/rc-16-task-https-egress';
import { check, fargateTask, Resources } from '../helpers';
import { fargateSchedule, fargateServiceInGroups, sgRule } from './fixtures';

/** aws-cdk-lib's rendering of allowAllOutbound: false. */
const DISALLOW_ALL = { CidrIp: '255.255.255.255/32', Description: 'Disallow all traffic', FromPort: 252, IpProtocol: 'icmp', ToPort: 86 };

interface Options {
  egress?: unknown;
  extra?: Resources;
  service?: Record<string, unknown>;
  task?: Record<string, unknown>;
  groups?: unknown[];
}

function template(o: Options = {}): Resources {
  return {
    Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'tasks', VpcId: 'vpc-1', ...'egress' in o ? { SecurityGroupEgress: o.egress } : { SecurityGroupEgress: [DISALLOW_ALL] } } },
    Task: fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: '111111111111.dkr.ecr.eu-west-1.amazonaws.com/app:1', Essential: true }], ...o.task }),
    Svc: fargateServiceInGroups(o.groups, o.service),
    ...o.extra,
  };
}

const messages = (r: Resources) => check(RC16_TASK_HTTPS_EGRESS, r).map((f) => f.message);
const egress = (p: Record<string, unknown>) => sgRule('AWS::EC2::SecurityGroupEgress', p);

describe('ECS-RC-16 task HTTPS egress (L1)', () => {
  test('bad: allowAllOutbound false and no rule for 443', () => {
    expect(messages(template())).toEqual([
      '[ECS-RC-16] the security group Sg of the tasks of Task allows no TCP 443 out, so the tasks cannot pull their image or reach CloudWatch Logs and secrets '
      + 'at TestStack/Svc; allowed: a task security group whose egress rules let TCP 443 out (to the internet, the VPC CIDR or the VPC endpoints\' security group). '
      + 'Add securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443)), or an HTTPS rule to the VPC endpoints\' security group.',
    ]);
    // Egress on other ports only (a database): still nothing on 443.
    expect(messages(template({ extra: { Db: egress({ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, CidrIp: '10.0.0.0/16' }) } }))).toHaveLength(1);
    expect(messages(template({ egress: [{ IpProtocol: 'udp', FromPort: 0, ToPort: 65535, CidrIp: '0.0.0.0/0' }] }))).toHaveLength(1);
  });

  test('good: the default egress, a 443 rule (inline, separate, to a group, a range, all protocols), or any group of several', () => {
    const { Sg } = template();
    const open = { ...Sg, Properties: { ...Sg.Properties } };
    delete (open.Properties as Record<string, unknown>).SecurityGroupEgress;
    expect(messages({ ...template(), Sg: open })).toEqual([]);
    expect(messages(template({ egress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }] }))).toEqual([]);
    expect(messages(template({ egress: [{ IpProtocol: '-1', CidrIp: '0.0.0.0/0' }] }))).toEqual([]);
    expect(messages(template({ extra: { E: egress({ IpProtocol: 'tcp', FromPort: 0, ToPort: 65535, DestinationPrefixListId: 'pl-1' }) } }))).toEqual([]);
    expect(messages(template({ extra: { E: egress({ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, DestinationSecurityGroupId: 'sg-endpoints' }) } }))).toEqual([]);
    const second = { Sg2: { Type: 'AWS::EC2::SecurityGroup', Properties: { GroupDescription: 'second', VpcId: 'vpc-1' } } };
    expect(messages(template({ extra: second, groups: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }, { 'Fn::GetAtt': ['Sg2', 'GroupId'] }] }))).toEqual([]);
  });

  test('silent: EC2 tasks, platform 1.3.0, Windows, a registry on another port, no or unresolved groups, unresolved rules', () => {
    expect(messages(template({ service: { LaunchType: 'EC2' } }))).toEqual([]);
    expect(messages(template({ service: { PlatformVersion: '1.3.0' } }))).toEqual([]);
    expect(messages(template({ service: { PlatformVersion: '1.4.0' } }))).toHaveLength(1);
    expect(messages(template({ service: { PlatformVersion: 'LATEST' } }))).toHaveLength(1);
    expect(messages(template({ task: { RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } } }))).toEqual([]);
    expect(messages(template({ task: { ContainerDefinitions: [{ Name: 'app', Image: 'registry.example.com:5000/app:1', Essential: true }] } }))).toEqual([]);
    expect(messages(template({ groups: [] }))).toEqual([]);
    expect(messages(template({ groups: ['sg-0123456789abcdef0'] }))).toEqual([]);
    expect(messages(template({ egress: { Ref: 'EgressParam' } }))).toEqual([]);
    expect(messages(template({ extra: { E: egress({ IpProtocol: 'tcp', FromPort: { Ref: 'PortParam' }, ToPort: { Ref: 'PortParam' }, CidrIp: '0.0.0.0/0' }) } }))).toEqual([]);
    expect(messages(template({ extra: { E: { Type: 'AWS::EC2::SecurityGroupEgress', Properties: { GroupId: { Ref: 'GroupParam' }, IpProtocol: '-1' } } } }))).toEqual([]);
  });

  test('bad: an EventBridge Scheduler schedule running Fargate tasks with the group', () => {
    const r = template();
    delete r.Svc;
    r.Schedule = fargateSchedule({ Subnets: ['subnet-1'], SecurityGroups: [{ 'Fn::GetAtt': ['Sg', 'GroupId'] }] });
    expect(check(RC16_TASK_HTTPS_EGRESS, r).map((f) => f.property)).toEqual(['Properties/Target/EcsParameters/NetworkConfiguration/AwsvpcConfiguration/SecurityGroups']);
  });
});

describe('ECS-RC-16 on aws-cdk-lib L2 templates', () => {
  function service(configure: (sg: ec2.SecurityGroup) => void): string[] {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'L2');
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const securityGroup = new ec2.SecurityGroup(stack, 'TaskSg', { vpc, allowAllOutbound: false });
    configure(securityGroup);
    const taskDefinition = new ecs.FargateTaskDefinition(stack, 'Task');
    taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27') });
    new ecs.FargateService(stack, 'Svc', { cluster: new ecs.Cluster(stack, 'Cluster', { vpc }), taskDefinition, securityGroups: [securityGroup] });
    const model = new AssemblyModel([{ name: 'L2', template: app.synth().getStackArtifact(stack.artifactId).template }]);
    return runRules(model, { rules: [RC16_TASK_HTTPS_EGRESS] }).map((f) => f.path);
  }

  test('allowAllOutbound: false with only a database rule fails; adding HTTPS out fixes it', () => {
    expect(service((sg) => sg.addEgressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(5432)))).toEqual(['L2/Svc/Service']);
    expect(service((sg) => sg.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443)))).toEqual([]);
    expect(service((sg) => sg.addEgressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.allTcp()))).toEqual([]);
  });
});
