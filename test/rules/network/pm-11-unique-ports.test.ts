import * as fc from 'fast-check';
import { PM11_UNIQUE_PORTS as rule } from '../../../src/rules/network/pm-11-unique-ports';
import { check } from '../helpers';
import { ec2TaskWith, taskWith } from '../task/fixtures';

const app = (ports: Record<string, unknown>[]) => ({ Name: 'app', Image: 'x', Memory: 256, PortMappings: ports });
const sidecar = (ports: Record<string, unknown>[]) => ({ Name: 'proxy', Image: 'y', Memory: 128, PortMappings: ports });

describe('ECS-PM-11 a port is mapped once per protocol', () => {
  test('bad: a sidecar listening on the main container\'s port in awsvpc mode (Fargate)', () => {
    const [f, ...rest] = check(rule, { T: taskWith([app([{ ContainerPort: 8080 }]), sidecar([{ ContainerPort: 8080 }])]) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-PM-11', severity: 'error', property: 'Properties/ContainerDefinitions/1/PortMappings/0/ContainerPort', value: '8080' });
    expect(f.message).toBe('[ECS-PM-11] container \'proxy\' maps port 8080/tcp, which container \'app\' maps too; in awsvpc network mode the containers of a task '
      + 'share one network namespace, so only one can listen on it at TestStack/T; allowed: each host port once per protocol in a task. '
      + 'Give container \'proxy\' its own port (e.g. 8081) and point its clients at it.');
  });

  test('bad: the same port twice in one container; host mode across containers; bridge with the same fixed host port', () => {
    expect(check(rule, { T: taskWith([app([{ ContainerPort: 8080 }, { ContainerPort: 8080, Protocol: 'TCP' }])]) }).map((f) => f.message))
      .toEqual([expect.stringContaining('container \'app\' maps containerPort 8080/tcp twice')]);
    expect(check(rule, { T: ec2TaskWith([app([{ ContainerPort: 80 }]), sidecar([{ ContainerPort: 80, HostPort: 80 }])], { NetworkMode: 'host' }) })).toHaveLength(1);
    const bridge = check(rule, { T: ec2TaskWith([app([{ ContainerPort: 8080, HostPort: 80 }]), sidecar([{ ContainerPort: 9090, HostPort: 80 }])], { NetworkMode: 'bridge' }) });
    expect(bridge.map((f) => f.property)).toEqual(['Properties/ContainerDefinitions/1/PortMappings/0/HostPort']);
    expect(bridge[0].message).toContain('or leave HostPort unset for a dynamic host port');
  });

  test('good: other protocols, other ports, dynamic bridge host ports, the same container port behind different bridge host ports', () => {
    expect(check(rule, { T: taskWith([app([{ ContainerPort: 53 }]), sidecar([{ ContainerPort: 53, Protocol: 'udp' }])]) })).toEqual([]);
    expect(check(rule, { T: taskWith([app([{ ContainerPort: 8080 }]), sidecar([{ ContainerPort: 9901 }])]) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([app([{ ContainerPort: 8080 }]), sidecar([{ ContainerPort: 8080, HostPort: 0 }])]) })).toEqual([]);
    const twoHostPorts = ec2TaskWith([app([{ ContainerPort: 8080, HostPort: 8080 }]), sidecar([{ ContainerPort: 8080, HostPort: 8081 }])]);
    expect(check(rule, { T: twoHostPorts })).toEqual([]);
  });

  test('bad: in awsvpc mode a port range of one container overlapping a port or range of another; good: apart, other protocol, or one container', () => {
    const [f, ...rest] = check(rule, { T: taskWith([app([{ ContainerPortRange: '8000-8100' }]), sidecar([{ ContainerPort: 8080 }])]) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ property: 'Properties/ContainerDefinitions/1/PortMappings/0/ContainerPort' });
    expect(f.message).toContain('container \'proxy\' maps port 8080/tcp, which overlaps ports 8000-8100 of container \'app\'');
    expect(check(rule, { T: taskWith([app([{ ContainerPortRange: '8000-8100' }]), sidecar([{ ContainerPortRange: '8100-8200' }])]) })).toHaveLength(1);
    expect(check(rule, { T: taskWith([app([{ ContainerPortRange: '8000-8100' }]), sidecar([{ ContainerPortRange: '8101-8200' }])]) })).toEqual([]);
    expect(check(rule, { T: taskWith([app([{ ContainerPortRange: '8000-8100' }]), sidecar([{ ContainerPort: 8080, Protocol: 'udp' }])]) })).toEqual([]);
    expect(check(rule, { T: taskWith([app([{ ContainerPortRange: '8000-8100' }, { ContainerPort: 9000 }])]) })).toEqual([]);
    // Bridge mode: ranges get dynamic host ports.
    expect(check(rule, { T: ec2TaskWith([app([{ ContainerPortRange: '8000-8100' }]), sidecar([{ ContainerPort: 8080 }])], { NetworkMode: 'bridge' }) })).toEqual([]);
  });

  test('skipped: unresolved ports, protocols and network mode (only the in-container check runs), unresolved port ranges', () => {
    expect(check(rule, { T: taskWith([app([{ ContainerPort: { Ref: 'P' } }]), sidecar([{ ContainerPort: { Ref: 'P' } }])]) })).toEqual([]);
    expect(check(rule, { T: taskWith([app([{ ContainerPort: 80, Protocol: { Ref: 'Proto' } }]), sidecar([{ ContainerPort: 80 }])]) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([app([{ ContainerPort: 80 }]), sidecar([{ ContainerPort: 80 }])], { NetworkMode: { Ref: 'Mode' } }) })).toEqual([]);
    expect(check(rule, { T: ec2TaskWith([app([{ ContainerPort: 80 }, { ContainerPort: 80 }])], { NetworkMode: { Ref: 'Mode' } }) })).toHaveLength(1);
    expect(check(rule, { T: taskWith([app([{ ContainerPortRange: { Ref: 'Range' } }]), sidecar([{ ContainerPortRange: '8000-8010' }])]) })).toEqual([]);
  });

  test('property: in awsvpc mode a finding exactly when two containers share a port (and nothing for distinct ports)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 65535 }), (a, b) => {
      const findings = check(rule, { T: taskWith([app([{ ContainerPort: a }]), sidecar([{ ContainerPort: b }])]) });
      return findings.length === (a === b ? 1 : 0);
    }), { numRuns: 50 });
  });
});
