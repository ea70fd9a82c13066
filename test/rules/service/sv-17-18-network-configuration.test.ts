import { SV17_AWSVPC_NETWORK_CONFIGURATION as sv17 } from '../../../src/rules/service/sv-17-awsvpc-network-configuration';
import { SV18_NETWORK_CONFIGURATION_AWSVPC_ONLY as sv18 } from '../../../src/rules/service/sv-18-network-configuration-awsvpc-only';
import { check, fargateTask } from '../helpers';
import { ec2TaskWith, serviceOf, TOKEN } from '../task/fixtures';

const network = { AwsvpcConfiguration: { Subnets: ['subnet-1'] } };
const bridge = ec2TaskWith([{ Name: 'a', Image: 'x', Memory: 64 }], { NetworkMode: 'bridge' });

describe('ECS-SV-17 awsvpc services need NetworkConfiguration (E3052)', () => {
  test('bad: awsvpc task, no NetworkConfiguration', () => {
    const [f] = check(sv17, { T: fargateTask(), S: serviceOf('T', { LaunchType: 'FARGATE' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-17', severity: 'error', logicalId: 'S', property: 'Properties/NetworkConfiguration' });
    expect(f.message).toContain('service runs awsvpc task definition TestStack/T but has no NetworkConfiguration');
  });

  test('good: NetworkConfiguration given; bridge task; EXTERNAL controller', () => {
    expect(check(sv17, { T: fargateTask(), S: serviceOf('T', { NetworkConfiguration: network }) })).toEqual([]);
    expect(check(sv17, { T: bridge, S: serviceOf('T') })).toEqual([]);
    expect(check(sv17, { T: fargateTask(), S: serviceOf('T', { DeploymentController: { Type: 'EXTERNAL' } }) })).toEqual([]);
  });

  test('skipped: token network mode, task not in the template', () => {
    expect(check(sv17, { T: fargateTask({ NetworkMode: TOKEN }), S: serviceOf('T') })).toEqual([]);
    expect(check(sv17, { S: serviceOf('Missing') })).toEqual([]);
  });
});

describe('ECS-SV-18 NetworkConfiguration only for awsvpc', () => {
  test('bad: bridge task with AwsvpcConfiguration', () => {
    const [f] = check(sv18, { T: bridge, S: serviceOf('T', { NetworkConfiguration: network }) });
    expect(f).toMatchObject({ ruleId: 'ECS-SV-18', property: 'Properties/NetworkConfiguration/AwsvpcConfiguration' });
    expect(f.message).toContain(".addPropertyDeletionOverride('NetworkConfiguration')");
    expect(f.message).toContain('uses network mode bridge');
  });

  test('bad: NetworkMode omitted (bridge)', () => {
    expect(check(sv18, { T: ec2TaskWith([{ Name: 'a', Image: 'x', Memory: 64 }]), S: serviceOf('T', { NetworkConfiguration: network }) })).toHaveLength(1);
  });

  test('good: awsvpc task; no NetworkConfiguration', () => {
    expect(check(sv18, { T: fargateTask(), S: serviceOf('T', { NetworkConfiguration: network }) })).toEqual([]);
    expect(check(sv18, { T: bridge, S: serviceOf('T') })).toEqual([]);
  });

  test('skipped: token network mode', () => {
    expect(check(sv18, { T: fargateTask({ NetworkMode: TOKEN }), S: serviceOf('T', { NetworkConfiguration: network }) })).toEqual([]);
  });
});
