/** ECS-CT-26: a non-root container cannot write to the root of a new EFS file system. */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as efs from 'aws-cdk-lib/aws-efs';
import { FargateTask } from '../../../src';
import { CT26_EFS_ROOT_NON_ROOT_USER as ct26 } from '../../../src/rules/container/ct-26-efs-root-non-root-user';
import { runRules } from '../../../src/rules/engine';
import { AssemblyModel } from '../../../src/rules/model';
import { check, fargateTask, Resources } from '../helpers';

interface Options {
  user?: unknown;
  efs?: Record<string, unknown>;
  mount?: Record<string, unknown>;
  fileSystem?: boolean;
  runtimePlatform?: unknown;
}

function template(o: Options = {}): Resources {
  return {
    ...o.fileSystem === false ? {} : { Fs: { Type: 'AWS::EFS::FileSystem', Properties: { Encrypted: true } } },
    Task: fargateTask({
      ...o.runtimePlatform ? { RuntimePlatform: o.runtimePlatform } : {},
      Volumes: [{ Name: 'data', EFSVolumeConfiguration: { FilesystemId: { Ref: 'Fs' }, TransitEncryption: 'ENABLED', ...o.efs } }],
      ContainerDefinitions: [{
        Name: 'app',
        Image: 'public.ecr.aws/nginx/nginx-unprivileged:1.27',
        Essential: true,
        ...'user' in o ? { User: o.user } : { User: '101' },
        MountPoints: [{ SourceVolume: 'data', ContainerPath: '/data', ...o.mount }],
      }],
    }),
  };
}

const messages = (r: Resources) => check(ct26, r).map((f) => f.message);

describe('ECS-CT-26 non-root user on the root of a new EFS file system (L1)', () => {
  test('bad: user 101 mounts the file system root read-write without an access point', () => {
    expect(messages(template())).toEqual([
      "[ECS-CT-26] container 'app' runs as user 101 and mounts EFS volume 'data' read-write at /data: the root of file system TestStack/Fs, which a new "
      + 'file system gives to root (mode 755), without an access point at TestStack/Task; allowed: an access point that gives the user a directory it owns, '
      + "a read-only mount, or user root. Mount through an access point: fileSystem.addAccessPoint('Data', { path: '/data', createAcl: { ownerUid: '101', "
      + "ownerGid: '101', permissions: '750' }, posixUser: { uid: '101', gid: '101' } }), passed as accessPoint (the kit's addEfsVolume) or "
      + 'authorizationConfig.accessPointId.',
    ]);
    expect(check(ct26, template())[0].property).toBe('Properties/ContainerDefinitions/0/MountPoints/0');
    expect(messages(template({ user: '1000:2000', efs: { RootDirectory: '/' } }))[0]).toContain("ownerUid: '1000', ownerGid: '2000'");
  });

  test('good: an access point, a subdirectory, read-only, root users', () => {
    expect(messages(template({ efs: { AuthorizationConfig: { IAM: 'ENABLED', AccessPointId: { Ref: 'Ap' } } } }))).toEqual([]);
    expect(messages(template({ efs: { RootDirectory: '/app' } }))).toEqual([]);
    expect(messages(template({ mount: { ReadOnly: true } }))).toEqual([]);
    for (const user of ['0', 'root', '0:0', 'root:wheel']) expect(messages(template({ user }))).toEqual([]);
  });

  test('skipped: an imported file system, no User, Windows, unresolved values', () => {
    expect(messages(template({ fileSystem: false, efs: { FilesystemId: 'fs-0123456789abcdef0' } }))).toEqual([]);
    expect(messages(template({ user: undefined }))).toEqual([]);
    expect(messages(template({ runtimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' } }))).toEqual([]);
    expect(messages(template({ user: { Ref: 'User' } }))).toEqual([]);
    expect(messages(template({ mount: { ReadOnly: { Ref: 'Ro' } } }))).toEqual([]);
    expect(messages(template({ efs: { RootDirectory: { Ref: 'Dir' } } }))).toEqual([]);
  });
});

describe('ECS-CT-26 on kit templates', () => {
  function findings(accessPoint: boolean): string[] {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': true } });
    const stack = new Stack(app, 'Kit');
    const fileSystem = new efs.FileSystem(stack, 'Fs', { vpc: new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 }) });
    const task = new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27') } });
    task.addEfsVolume('data', {
      fileSystem,
      containerPath: '/data',
      accessPoint: accessPoint ? fileSystem.addAccessPoint('Data', { path: '/data', createAcl: { ownerUid: '101', ownerGid: '101', permissions: '750' }, posixUser: { uid: '101', gid: '101' } }) : undefined,
    });
    const model = new AssemblyModel([{ name: 'Kit', template: app.synth().getStackArtifact(stack.artifactId).template }]);
    return runRules(model, { rules: [ct26] }).map((f) => f.path);
  }

  test('the kit\'s non-root default user on the root of a new file system is warned about; the access point the fix names clears it', () => {
    expect(findings(false)).toEqual(['Kit/Task/TaskDefinition']);
    expect(findings(true)).toEqual([]);
  });
});
