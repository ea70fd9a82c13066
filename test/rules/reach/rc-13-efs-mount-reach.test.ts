/** ECS-RC-13: EFS mount targets must admit the tasks on NFS port 2049. */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { RC13_EFS_MOUNT_REACH } from '../../../src/rules/reach/rc-13-efs-mount-reach';
import { check, checkAssembly } from '../helpers';
import { efsService, INGRESS, props, sgId, splitStacks } from './fixtures';

const rule = RC13_EFS_MOUNT_REACH;

describe('ECS-RC-13 EFS mount target ingress', () => {
  test('bad: the mount target group admits nothing', () => {
    const findings = check(rule, efsService());
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toBe('[ECS-RC-13] the tasks (TaskSg) cannot reach EFS file system Fs: no ingress rule of its mount targets\' security groups (MtSg) '
      + 'admits them on 2049/tcp at TestStack/Service; allowed: ingress on 2049/tcp to MtSg from TaskSg (or a CIDR covering the tasks). '
      + 'Use fileSystem.connections.allowDefaultPortFrom(service) (a kit task: task.connectVolumes(service)), or add an ingress rule on 2049/tcp from the tasks\' security group.');
  });

  test('good: 2049 from the task group (inline or separate), all traffic, a CIDR; bad: another port or another group', () => {
    const good: Record<string, unknown>[] = [
      { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: sgId('TaskSg') },
      { IpProtocol: '-1', SourceSecurityGroupId: sgId('TaskSg') },
      { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, CidrIp: '10.0.0.0/16' },
      // Unknown source (a group outside the assembly): not judged.
      { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: 'sg-0123' },
    ];
    for (const g of good) {
      const inline = efsService();
      props(inline, 'MtSg').SecurityGroupIngress = [g];
      expect(check(rule, inline)).toEqual([]);
      const separate = efsService();
      separate.Nfs = { Type: INGRESS, Properties: { GroupId: sgId('MtSg'), ...g } };
      expect(check(rule, separate)).toEqual([]);
    }
    for (const b of [{ IpProtocol: 'tcp', FromPort: 2048, ToPort: 2048, CidrIp: '0.0.0.0/0' }, { IpProtocol: 'tcp', FromPort: 2049, ToPort: 2049, SourceSecurityGroupId: sgId('MtSg') }]) {
      const r = efsService();
      props(r, 'MtSg').SecurityGroupIngress = [b];
      expect(check(rule, r).map((f) => f.ruleId)).toEqual(['ECS-RC-13']);
    }
  });

  test('skipped: a file system, mount target group or task group outside the assembly; no mount target; unresolved ingress; bridge mode', () => {
    const literalFs = efsService();
    (props(literalFs, 'Task').Volumes as Record<string, Record<string, unknown>>[])[0].EFSVolumeConfiguration.FilesystemId = 'fs-12345678';
    expect(check(rule, literalFs)).toEqual([]);
    const literalGroup = efsService();
    props(literalGroup, 'Mt').SecurityGroups = ['sg-0123'];
    expect(check(rule, literalGroup)).toEqual([]);
    const taskGroup = efsService();
    (props(taskGroup, 'Service').NetworkConfiguration as any).AwsvpcConfiguration.SecurityGroups = ['sg-0456'];
    expect(check(rule, taskGroup)).toEqual([]);
    const noMountTarget = efsService();
    delete noMountTarget.Mt;
    expect(check(rule, noMountTarget)).toEqual([]);
    const unresolved = efsService();
    unresolved.Any = { Type: INGRESS, Properties: { GroupId: { Ref: 'GroupParam' }, IpProtocol: '-1', CidrIp: '0.0.0.0/0' } };
    expect(check(rule, unresolved)).toEqual([]);
    const mtOnParam = efsService();
    mtOnParam.Mt2 = { Type: 'AWS::EFS::MountTarget', Properties: { FileSystemId: { Ref: 'FsParam' }, SubnetId: 'subnet-2', SecurityGroups: [sgId('MtSg')] } };
    expect(check(rule, mtOnParam)).toEqual([]);
  });

  test('cross-stack: the file system and its mount target in a storage stack', () => {
    expect(checkAssembly(rule, splitStacks(efsService(), ['Task', 'Service', 'TaskSg'], ['Storage', 'App'])).map((f) => `${f.stack}/${f.logicalId}`))
      .toEqual(['App/Service']);
  });

  test('aws-cdk-lib: a FargateService mounting an efs.FileSystem needs allowDefaultPortFrom', () => {
    const build = (open: boolean) => {
      const stack = new Stack(new App(), 'Efs');
      const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
      const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc });
      const task = new ecs.FargateTaskDefinition(stack, 'Task');
      task.addVolume({ name: 'data', efsVolumeConfiguration: { fileSystemId: fileSystem.fileSystemId, transitEncryption: 'ENABLED' } });
      task.addContainer('app', { image: ecs.ContainerImage.fromRegistry('nginx:1.27') }).addMountPoints({ sourceVolume: 'data', containerPath: '/data', readOnly: false });
      const service = new ecs.FargateService(stack, 'Service', { cluster: new ecs.Cluster(stack, 'Cluster', { vpc }), taskDefinition: task });
      if (open) fileSystem.connections.allowDefaultPortFrom(service);
      return runRules(new AssemblyModel([{ name: 'Efs', template: Template.fromStack(stack).toJSON() }]), { rules: [rule] }).map((f) => f.ruleId);
    };
    expect(build(false)).toEqual(['ECS-RC-13']);
    expect(build(true)).toEqual([]);
  });
});
