import { Duration } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import { ec2Task, fargateTask, fixture } from './helpers';
import { ScheduledJob } from '../../src/service';

const schedule = scheduler.ScheduleExpression.rate(Duration.hours(1));

/** A database's group, as a user's RDS instance would have: ingress only from what is allowed. */
function database(f: ReturnType<typeof fixture>): ec2.Connections {
  const sg = new ec2.SecurityGroup(f.stack, 'DbSecurityGroup', { vpc: f.vpc, description: 'database' });
  return new ec2.Connections({ securityGroups: [sg], defaultPort: ec2.Port.tcp(5432) });
}

function ingressTo(t: Template, group: RegExp): any[] {
  return Object.values(t.findResources('AWS::EC2::SecurityGroupIngress'))
    .map((r: any) => r.Properties)
    .filter((p: any) => group.test(JSON.stringify(p.GroupId)));
}

describe('ScheduledJob is IConnectable (found by a batch-jobs user trial: connecting a job needed job.securityGroup!)', () => {
  test('awsvpc tasks: allowDefaultPortFrom(job) opens the database to the job\'s own security group', () => {
    const f = fixture();
    const job = new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: fargateTask(f.stack), schedule });
    database(f).allowDefaultPortFrom(job);
    expect(job.connections.securityGroups).toEqual([job.securityGroup]);
    const rules = ingressTo(Template.fromStack(f.stack), /DbSecurityGroup/);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [expect.stringMatching(/^JobSecurityGroup/), 'GroupId'] } });
  });

  test('bridge tasks on EC2 capacity: the job\'s connections are the instances\' security group', () => {
    const f = fixture();
    const capacity = f.cluster.addEc2Capacity('Ec2');
    const job = new ScheduledJob(f.stack, 'Job', { cluster: f.cluster, task: ec2Task(f.stack), schedule, capacity });
    expect(job.securityGroup).toBeUndefined();
    expect(job.connections.securityGroups).toEqual(capacity.connections.securityGroups);
    database(f).allowDefaultPortFrom(job);
    const rules = ingressTo(Template.fromStack(f.stack), /DbSecurityGroup/);
    expect(rules).toHaveLength(1);
    expect(JSON.stringify(rules[0].SourceSecurityGroupId)).toMatch(/Ec2/);
  });
});
