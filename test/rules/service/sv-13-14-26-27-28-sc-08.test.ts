import { service } from './fixtures';
import { SC08_TLS_TIMEOUTS as sc08 } from '../../../src/rules/service/sc-08-tls-timeouts';
import { SV13_EXTERNAL_CONTROLLER as sv13 } from '../../../src/rules/service/sv-13-external-controller';
import { SV14_LINEAR_CANARY as sv14 } from '../../../src/rules/service/sv-14-linear-canary';
import { SV26_AZ_REBALANCING as sv26 } from '../../../src/rules/service/sv-26-az-rebalancing';
import { SV27_EBS_VOLUME_CONFIGURATION as sv27 } from '../../../src/rules/service/sv-27-ebs-volume-configuration';
import { SV28_SECRET_JSON_KEY_PLATFORM as sv28 } from '../../../src/rules/service/sv-28-secret-json-key-platform';
import { check, fargateTask } from '../helpers';
import { TOKEN } from '../task/fixtures';

const external = { DeploymentController: { Type: 'EXTERNAL' } };

describe('ECS-SV-13 EXTERNAL controller', () => {
  test('bad: task definition and launch type on the service', () => {
    const findings = check(sv13, { S: service({ ...external, LaunchType: 'FARGATE' }) });
    expect(findings.map((f) => f.property)).toEqual(['Properties/TaskDefinition', 'Properties/LaunchType']);
    expect(findings[0].message).toContain('service with the EXTERNAL deployment controller sets TaskDefinition');
  });
  test('good: EXTERNAL service with only service-level settings; ECS service with everything', () => {
    expect(check(sv13, { S: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', ...external, DesiredCount: 2, LoadBalancers: [] } } })).toEqual([]);
    expect(check(sv13, { S: service({ LaunchType: 'FARGATE' }) })).toEqual([]);
  });
  test('skipped: token controller', () => expect(check(sv13, { S: service({ DeploymentController: { Type: TOKEN } }) })).toEqual([]));
});

describe('ECS-SV-14 LINEAR / CANARY deployments', () => {
  const dc = (d: Record<string, unknown>) => service({ DeploymentConfiguration: d });
  test('bad: step percent 2, canary percent 0.05, bake time 1441, canary config on LINEAR', () => {
    expect(check(sv14, { S: dc({ Strategy: 'LINEAR', LinearConfiguration: { StepPercent: 2 } }) })[0]).toMatchObject({ ruleId: 'ECS-SV-14', property: 'Properties/DeploymentConfiguration/LinearConfiguration/StepPercent' });
    expect(check(sv14, { S: dc({ Strategy: 'CANARY', CanaryConfiguration: { CanaryPercent: 0.05 } }) })).toHaveLength(1);
    expect(check(sv14, { S: dc({ Strategy: 'BLUE_GREEN', BakeTimeInMinutes: 1441 }) })[0].message).toContain('BakeTimeInMinutes 1441 is out of range');
    expect(check(sv14, { S: dc({ Strategy: 'LINEAR', CanaryConfiguration: { CanaryPercent: 5 } }) })[0].message).toContain('CanaryConfiguration is set with Strategy LINEAR');
  });
  test('good: LINEAR 10% every 6 minutes, CANARY 5% then 10 minutes, rolling default', () => {
    expect(check(sv14, { S: dc({ Strategy: 'LINEAR', LinearConfiguration: { StepPercent: 10, StepBakeTimeInMinutes: 6 }, BakeTimeInMinutes: 15 }) })).toEqual([]);
    expect(check(sv14, { S: dc({ Strategy: 'CANARY', CanaryConfiguration: { CanaryPercent: 5.5, CanaryBakeTimeInMinutes: 10 } }) })).toEqual([]);
    expect(check(sv14, { S: dc({ MaximumPercent: 200 }) })).toEqual([]);
  });
  test('skipped: token strategy and percent', () => {
    expect(check(sv14, { S: dc({ Strategy: TOKEN, LinearConfiguration: { StepPercent: { Ref: 'P' } } }) })).toEqual([]);
  });
});

describe('ECS-SV-26 AZ rebalancing', () => {
  test('bad: DAEMON; MaximumPercent 100', () => {
    expect(check(sv26, { S: service({ AvailabilityZoneRebalancing: 'ENABLED', SchedulingStrategy: 'DAEMON' }) })[0]).toMatchObject({ ruleId: 'ECS-SV-26', property: 'Properties/AvailabilityZoneRebalancing' });
    expect(check(sv26, { S: service({ AvailabilityZoneRebalancing: 'ENABLED', DeploymentConfiguration: { MaximumPercent: 100 } }) })[0].property).toBe('Properties/DeploymentConfiguration/MaximumPercent');
  });
  test('good: REPLICA with default max percent; disabled', () => {
    expect(check(sv26, { S: service({ AvailabilityZoneRebalancing: 'ENABLED' }) })).toEqual([]);
    expect(check(sv26, { S: service({ AvailabilityZoneRebalancing: 'DISABLED', SchedulingStrategy: 'DAEMON' }) })).toEqual([]);
  });
  test('skipped: token max percent', () => expect(check(sv26, { S: service({ AvailabilityZoneRebalancing: 'ENABLED', DeploymentConfiguration: { MaximumPercent: TOKEN } }) })).toEqual([]));
});

describe('ECS-SV-27 service-managed EBS volumes', () => {
  const vol = (ManagedEBSVolume: Record<string, unknown>, name = 'data') => ({ Name: name, ManagedEBSVolume: { RoleArn: 'arn:aws:iam::1:role/r', ...ManagedEBSVolume } });
  const svc = (...v: unknown[]) => service({ VolumeConfigurations: v });
  test('bad: two volumes; gp3 size 0; io2 without Iops; Throughput on gp2; bad snapshot id', () => {
    expect(check(sv27, { S: svc(vol({ SizeInGiB: 10 }), vol({ SizeInGiB: 10 }, 'b')) })[0]).toMatchObject({ ruleId: 'ECS-SV-27', property: 'Properties/VolumeConfigurations' });
    expect(check(sv27, { S: svc(vol({ SizeInGiB: 0 })) })[0].message).toContain('gp3 volume SizeInGiB 0 is out of range');
    expect(check(sv27, { S: svc(vol({ VolumeType: 'io2', SizeInGiB: 10 })) })[0].message).toContain('io2 volume has no Iops');
    expect(check(sv27, { S: svc(vol({ VolumeType: 'gp2', SizeInGiB: 10, Throughput: 250 })) })[0].message).toContain('cannot be set');
    expect(check(sv27, { S: svc(vol({ SnapshotId: 'vol-123' })) })[0].property).toMatch(/SnapshotId$/);
    expect(check(sv27, { S: svc(vol({})) })[0].message).toContain('neither SizeInGiB nor SnapshotId');
  });
  test('good: gp3 20 GiB with 3000 IOPS and 125 MiB/s; io1 with IOPS; snapshot', () => {
    expect(check(sv27, { S: svc(vol({ SizeInGiB: 20, Iops: 3000, Throughput: 125 })) })).toEqual([]);
    expect(check(sv27, { S: svc(vol({ VolumeType: 'io1', SizeInGiB: 100, Iops: 5000 })) })).toEqual([]);
    expect(check(sv27, { S: svc(vol({ SnapshotId: 'snap-0123456789abcdef0' })) })).toEqual([]);
  });
  // EC2 CreateVolume, to which ECS maps these fields 1:1: gp3 1-65,536 GiB, 3,000-80,000 IOPS, 125-2,000 MiB/s; io2 4-65,536 GiB.
  test('limits at their edges: gp3 and io2 up to 64 TiB, gp3 80,000 IOPS and 2,000 MiB/s', () => {
    const findings = (v: Record<string, unknown>) => check(sv27, { S: svc(vol(v)) }).map((f) => f.message);
    expect(findings({ SizeInGiB: 65536, Iops: 80000, Throughput: 2000 })).toEqual([]);
    expect(findings({ VolumeType: 'io2', SizeInGiB: 65536, Iops: 256000 })).toEqual([]);
    expect(findings({ SizeInGiB: 65537 })).toEqual([expect.stringContaining('gp3 volume SizeInGiB 65537 is out of range')]);
    expect(findings({ SizeInGiB: 100, Iops: 80001 })).toEqual([expect.stringContaining('Iops 80001')]);
    expect(findings({ SizeInGiB: 100, Throughput: 2001 })).toEqual([expect.stringContaining('Throughput 2001')]);
    expect(findings({ VolumeType: 'io1', SizeInGiB: 16385, Iops: 1000 })).toEqual([expect.stringContaining('io1 volume SizeInGiB 16385 is out of range')]);
  });
  test('skipped: token type and size', () => {
    expect(check(sv27, { S: svc(vol({ VolumeType: TOKEN, SizeInGiB: 0 })) })).toEqual([]);
    expect(check(sv27, { S: svc(vol({ SizeInGiB: { Ref: 'Size' } })) })).toEqual([]);
  });
});

describe('ECS-SV-28 secret JSON keys need platform 1.4.0', () => {
  const secretArn = 'arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCdEf';
  const task = (valueFrom: unknown) => fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: 'x', Secrets: [{ Name: 'PASSWORD', ValueFrom: valueFrom }] }] });
  test('bad: JSON key on platform 1.3.0', () => {
    const [f] = check(sv28, { Task: task(`${secretArn}:password::`), S: service({ LaunchType: 'FARGATE', PlatformVersion: '1.3.0' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-28', property: 'Properties/PlatformVersion', value: '"1.3.0"' });
  });
  test('good: whole secret on 1.3.0; JSON key on LATEST', () => {
    expect(check(sv28, { Task: task(secretArn), S: service({ LaunchType: 'FARGATE', PlatformVersion: '1.3.0' }) })).toEqual([]);
    expect(check(sv28, { Task: task(`${secretArn}:password::`), S: service({ LaunchType: 'FARGATE', PlatformVersion: 'LATEST' }) })).toEqual([]);
  });
  test('skipped: unresolved secret reference', () => {
    expect(check(sv28, { Task: task({ Ref: 'Secret' }), S: service({ LaunchType: 'FARGATE', PlatformVersion: '1.3.0' }) })).toEqual([]);
  });
});

describe('ECS-SC-08 Service Connect TLS and timeouts', () => {
  const sc = (svc: Record<string, unknown>) => service({ ServiceConnectConfiguration: { Enabled: true, Namespace: 'n', Services: [{ PortName: 'http', ...svc }] } });
  test('bad: authority not an ARN; negative timeout', () => {
    expect(check(sc08, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: 'my-ca' } } }) })[0]).toMatchObject({ ruleId: 'ECS-SC-08' });
    expect(check(sc08, { S: sc({ Timeout: { IdleTimeoutSeconds: -1 } }) })[0].message).toContain('IdleTimeoutSeconds -1 is not valid');
  });
  test('good: ARN and 0 / 30 s timeouts', () => {
    expect(check(sc08, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: 'arn:aws:acm-pca:us-east-1:1:certificate-authority/x' } }, Timeout: { IdleTimeoutSeconds: 0, PerRequestTimeoutSeconds: 30 } }) })).toEqual([]);
  });
  test('skipped: token ARN', () => expect(check(sc08, { S: sc({ Tls: { IssuerCertificateAuthority: { AwsPcaAuthorityArn: TOKEN } } }) })).toEqual([]));
});
