import { TD05_EC2_CONTAINER_MEMORY as td05 } from '../../../src/rules/task/td-05-ec2-container-memory';
import { TD08_EXTERNAL_MANAGED_NETWORK_MODE as td08 } from '../../../src/rules/task/td-08-external-managed-network-mode';
import { TD09_PROXY_AWSVPC as td09 } from '../../../src/rules/task/td-09-proxy-awsvpc';
import { TD12_INFERENCE_ACCELERATORS as td12 } from '../../../src/rules/task/td-12-fargate-inference-accelerators';
import { check, fargateTask } from '../helpers';
import { ec2TaskWith, TOKEN } from './fixtures';

const bare = { Name: 'app', Image: 'x' };

describe('ECS-TD-05 container memory without task memory', () => {
  test('bad: EC2 container with neither Memory nor MemoryReservation', () => {
    const [f] = check(td05, { T: ec2TaskWith([bare]) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-05', severity: 'error', property: 'Properties/ContainerDefinitions/0' });
    expect(f.message).toContain("container 'app' has neither Memory nor MemoryReservation and the task definition has no Memory");
  });
  test('good: container Memory, MemoryReservation, or task Memory', () => {
    expect(check(td05, { T: ec2TaskWith([{ ...bare, Memory: 256 }]) })).toEqual([]);
    expect(check(td05, { T: ec2TaskWith([{ ...bare, MemoryReservation: 256 }]) })).toEqual([]);
    expect(check(td05, { T: ec2TaskWith([bare], { Memory: '512' }) })).toEqual([]);
  });
  test('skipped: a Fargate task without Memory (ECS-TD-04 reports it, with the fix that settles both)', () => {
    const task = fargateTask({ ContainerDefinitions: [bare] });
    delete (task.Properties as Record<string, unknown>).Memory;
    expect(check(td05, { T: task })).toEqual([]);
  });
  test('skipped: token task memory or container memory', () => {
    expect(check(td05, { T: ec2TaskWith([bare], { Memory: TOKEN }) })).toEqual([]);
    expect(check(td05, { T: ec2TaskWith([{ ...bare, Memory: { Ref: 'M' } }]) })).toEqual([]);
  });
});

describe('ECS-TD-08 EXTERNAL and MANAGED_INSTANCES network modes', () => {
  test('bad: EXTERNAL awsvpc, MANAGED_INSTANCES without a NetworkMode', () => {
    const [f] = check(td08, { T: ec2TaskWith([{ ...bare, Memory: 64 }], { RequiresCompatibilities: ['EXTERNAL'], NetworkMode: 'awsvpc' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-08', property: 'Properties/NetworkMode' });
    expect(f.message).toContain('EXTERNAL task definition uses network mode awsvpc');
    // Developer Guide, "Amazon ECS task networking for Managed Instances": tasks do not run without a network mode set.
    expect(check(td08, { T: ec2TaskWith([{ ...bare, Memory: 64 }], { RequiresCompatibilities: ['MANAGED_INSTANCES'] }) })[0].message)
      .toContain('MANAGED_INSTANCES task definition sets no NetworkMode; Managed Instances run tasks only with a network mode set');
    const [mi] = check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: ['MANAGED_INSTANCES'], NetworkMode: 'bridge' }) });
    expect(mi.message).toContain('MANAGED_INSTANCES task definition uses network mode bridge');
    expect(mi.message).toContain('allowed: awsvpc, host, none for MANAGED_INSTANCES');
  });
  test('good: MANAGED_INSTANCES none (API reference, ManagedInstancesNetworkConfiguration)', () => {
    expect(check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: ['MANAGED_INSTANCES'], NetworkMode: 'none' }) })).toEqual([]);
  });
  test('good: EXTERNAL bridge, MANAGED_INSTANCES awsvpc, EC2 anything', () => {
    expect(check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: ['EXTERNAL'] }) })).toEqual([]);
    expect(check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: ['MANAGED_INSTANCES'], NetworkMode: 'awsvpc' }) })).toEqual([]);
    expect(check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: ['EC2'], NetworkMode: 'awsvpc' }) })).toEqual([]);
  });
  test('skipped: token compatibilities or mode', () => {
    expect(check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: [TOKEN], NetworkMode: 'awsvpc' }) })).toEqual([]);
    expect(check(td08, { T: ec2TaskWith([bare], { RequiresCompatibilities: ['EXTERNAL'], NetworkMode: { Ref: 'M' } }) })).toEqual([]);
  });
});

describe('ECS-TD-09 proxy configuration needs awsvpc', () => {
  const proxy = { Type: 'APPMESH', ContainerName: 'envoy' };
  test('bad: bridge task with ProxyConfiguration', () => {
    const [f] = check(td09, { T: ec2TaskWith([bare], { ProxyConfiguration: proxy }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-09', property: 'Properties/ProxyConfiguration' });
  });
  test('good: awsvpc', () => expect(check(td09, { T: fargateTask({ ProxyConfiguration: proxy }) })).toEqual([]));
  test('skipped: token mode', () => expect(check(td09, { T: ec2TaskWith([bare], { NetworkMode: TOKEN, ProxyConfiguration: proxy }) })).toEqual([]));
});

describe('ECS-TD-12 inference accelerators only on EC2', () => {
  const acc = [{ DeviceName: 'd1', DeviceType: 'eia2.medium' }];
  test('bad: Fargate task with accelerators', () => {
    const [f] = check(td12, { T: fargateTask({ InferenceAccelerators: acc }) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-12', property: 'Properties/InferenceAccelerators' });
    expect(f.message).toContain('FARGATE task definition has InferenceAccelerators');
  });
  test('good: EC2 task; empty list', () => {
    expect(check(td12, { T: ec2TaskWith([bare], { InferenceAccelerators: acc, RequiresCompatibilities: ['EC2'] }) })).toEqual([]);
    expect(check(td12, { T: fargateTask({ InferenceAccelerators: [] }) })).toEqual([]);
  });
  test('skipped: token compatibilities', () => expect(check(td12, { T: fargateTask({ RequiresCompatibilities: TOKEN, InferenceAccelerators: acc }) })).toEqual([]));
});
