import { PM05_CONTAINER_PORT_RANGE as pm05 } from '../../../src/rules/network/pm-05-container-port-range';
import { PM07_UNIQUE_PORT_NAMES as pm07 } from '../../../src/rules/network/pm-07-unique-port-names';
import { PM08_PORT_NAME_NETWORK_MODE as pm08 } from '../../../src/rules/network/pm-08-port-name-network-mode';
import { check } from '../helpers';
import { ec2TaskWith, taskWith, TOKEN } from '../task/fixtures';

const ports = (PortMappings: unknown[], name = 'app') => ({ Name: name, Image: 'x', Memory: 64, PortMappings });

describe('ECS-PM-05 container port ranges', () => {
  test('bad: malformed range, range with HostPort, range in host mode', () => {
    const [f] = check(pm05, { T: taskWith([ports([{ ContainerPortRange: '9000-8000' }])]) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-05', property: 'Properties/ContainerDefinitions/0/PortMappings/0/ContainerPortRange' });
    expect(f.message).toContain('ContainerPortRange "9000-8000" is not a valid range');
    expect(check(pm05, { T: ec2TaskWith([ports([{ ContainerPortRange: '8000-8010', HostPort: 8000 }])]) })[0].property).toMatch(/HostPort$/);
    expect(check(pm05, { T: ec2TaskWith([ports([{ ContainerPortRange: '8000-8010' }])], { NetworkMode: 'host' }) })[0].message).toContain('in network mode host');
  });
  test('good: range in bridge and awsvpc; ordinary ports', () => {
    expect(check(pm05, { T: ec2TaskWith([ports([{ ContainerPortRange: '8000-8010' }])]) })).toEqual([]);
    expect(check(pm05, { T: taskWith([ports([{ ContainerPortRange: '8000-8010', ContainerPort: 0 }])]) })).toEqual([]);
    expect(check(pm05, { T: taskWith([ports([{ ContainerPort: 80 }])]) })).toEqual([]);
  });
  test('skipped: token range', () => expect(check(pm05, { T: taskWith([ports([{ ContainerPortRange: TOKEN }])]) })).toEqual([]));
});

describe('ECS-PM-07 unique port mapping names', () => {
  test('bad: the same name in two containers', () => {
    const [f] = check(pm07, { T: taskWith([ports([{ ContainerPort: 80, Name: 'web' }]), ports([{ ContainerPort: 81, Name: 'web' }], 'side')]) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-07', property: 'Properties/ContainerDefinitions/1/PortMappings/0/Name' });
    expect(f.message).toContain("port mapping name web of container 'side' is already used by container 'app'");
  });
  test('good: distinct names', () => expect(check(pm07, { T: taskWith([ports([{ ContainerPort: 80, Name: 'web' }, { ContainerPort: 81, Name: 'admin' }])]) })).toEqual([]));
  test('skipped: token name', () => expect(check(pm07, { T: taskWith([ports([{ ContainerPort: 80, Name: TOKEN }, { ContainerPort: 81, Name: TOKEN }])]) })).toEqual([]));
});

describe('ECS-PM-08 name / appProtocol', () => {
  test('bad: name in host mode; appProtocol without name', () => {
    const [f] = check(pm08, { T: ec2TaskWith([ports([{ ContainerPort: 80, Name: 'web' }])], { NetworkMode: 'host' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-08', property: 'Properties/ContainerDefinitions/0/PortMappings/0/Name' });
    expect(check(pm08, { T: taskWith([ports([{ ContainerPort: 80, AppProtocol: 'http' }])]) })[0].message).toContain('sets AppProtocol without Name');
  });
  test('good: named http port in awsvpc and bridge', () => {
    expect(check(pm08, { T: taskWith([ports([{ ContainerPort: 80, Name: 'web', AppProtocol: 'http' }])]) })).toEqual([]);
    expect(check(pm08, { T: ec2TaskWith([ports([{ ContainerPort: 80, Name: 'web', AppProtocol: 'http' }])]) })).toEqual([]);
  });
  test('skipped: token network mode', () => expect(check(pm08, { T: ec2TaskWith([ports([{ ContainerPort: 80, Name: 'web' }])], { NetworkMode: TOKEN }) })).toEqual([]));
});
