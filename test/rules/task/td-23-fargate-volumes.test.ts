import { TD23_FARGATE_VOLUMES as rule } from '../../../src/rules/task/td-23-fargate-volumes';
import { check, fargateTask } from '../helpers';
import { serviceOf } from './fixtures';

describe('ECS-TD-23 Fargate volumes', () => {
  test('bad: Docker volume and host source path on Fargate', () => {
    const findings = check(rule, {
      T: fargateTask({ Volumes: [{ Name: 'docker', DockerVolumeConfiguration: { Scope: 'task' } }, { Name: 'host', Host: { SourcePath: '/data' } }] }),
    });
    expect(findings.map((f) => [f.ruleId, f.severity, f.property])).toEqual([
      ['ECS-TD-23', 'error', 'Properties/Volumes/0/DockerVolumeConfiguration'],
      ['ECS-TD-23', 'error', 'Properties/Volumes/1/Host/SourcePath'],
    ]);
    expect(findings[0].message).toContain("Fargate volume 'docker' uses DockerVolumeConfiguration");
    expect(findings[1].message).toContain("Fargate volume 'host' sets Host.SourcePath /data");
  });

  test('bad: EFS volume on platform version 1.3.0', () => {
    const [f] = check(rule, {
      T: fargateTask({ Volumes: [{ Name: 'efs', EFSVolumeConfiguration: { FilesystemId: 'fs-1' } }] }),
      S: serviceOf('T', { PlatformVersion: '1.3.0' }),
    });
    expect(f).toMatchObject({ logicalId: 'S', property: 'Properties/PlatformVersion' });
    expect(f.message).toContain("cannot mount EFS volume(s) 'efs' of task definition T");
  });

  test('good: bind mounts, EFS on LATEST, Docker volumes on EC2', () => {
    expect(check(rule, {
      T: fargateTask({ Volumes: [{ Name: 'scratch' }, { Name: 'h', Host: {} }, { Name: 'efs', EFSVolumeConfiguration: { FilesystemId: 'fs-1' } }] }),
      S: serviceOf('T', { PlatformVersion: 'LATEST' }),
    })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], Volumes: [{ Name: 'd', DockerVolumeConfiguration: {} }] }) })).toHaveLength(0);
  });

  test('skipped: unresolved volume list', () => {
    expect(check(rule, { T: fargateTask({ Volumes: { Ref: 'Volumes' } }) })).toHaveLength(0);
  });
});
