import * as fc from 'fast-check';
import { PM01_HOST_PORT_MATCHES as pm01 } from '../../../src/rules/network/pm-01-host-port-matches';
import { PM02_NONE_NO_PORTS as pm02 } from '../../../src/rules/network/pm-02-none-no-ports';
import { PM04_PORT_RANGE as pm04 } from '../../../src/rules/network/pm-04-port-range';
import { PM06_PORT_NAME as pm06 } from '../../../src/rules/network/pm-06-port-name';
import { PM09_WINDOWS_EC2_NETWORK_MODE as pm09 } from '../../../src/rules/network/pm-09-windows-ec2-network-mode';
import { check, fargateTask } from '../helpers';

const withPorts = (ports: unknown[], props: Record<string, unknown> = {}) => fargateTask({
  ContainerDefinitions: [{ Name: 'app', Image: 'nginx:1.27', PortMappings: ports }],
  ...props,
});
const ec2 = (props: Record<string, unknown>, ports: unknown[] = []) => ({
  Type: 'AWS::ECS::TaskDefinition',
  Properties: { RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'app', Image: 'img:1', Memory: 256, PortMappings: ports }], ...props },
});

describe('ECS-PM-01 host port equals container port (awsvpc/host)', () => {
  test('bad: awsvpc HostPort 8080 for ContainerPort 80', () => {
    const [f] = check(pm01, { T: withPorts([{ ContainerPort: 80, HostPort: 8080 }]) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-01', severity: 'error', property: 'Properties/ContainerDefinitions/0/PortMappings/0/HostPort', value: '8080' });
    expect(f.message).toContain("container 'app' maps HostPort 8080 to ContainerPort 80 in awsvpc network mode");
    expect(f.message).toContain('allowed: HostPort omitted or equal to ContainerPort (80)');
    expect(check(pm01, { T: ec2({ NetworkMode: 'host' }, [{ ContainerPort: 80, HostPort: 81 }]) })).toHaveLength(1);
  });

  test('good: omitted or equal, bridge mode dynamic ports; skipped: tokens and HostPort 0', () => {
    expect(check(pm01, { T: withPorts([{ ContainerPort: 80 }, { ContainerPort: 443, HostPort: 443 }]) })).toHaveLength(0);
    expect(check(pm01, { T: ec2({ NetworkMode: 'bridge' }, [{ ContainerPort: 80, HostPort: 8080 }]) })).toHaveLength(0);
    expect(check(pm01, { T: withPorts([{ ContainerPort: 80, HostPort: { Ref: 'Port' } }]) })).toHaveLength(0);
    expect(check(pm01, { T: withPorts([{ ContainerPort: 80, HostPort: 8080 }], { NetworkMode: { Ref: 'Mode' } }) })).toHaveLength(0);
    expect(check(pm01, { T: withPorts([{ ContainerPort: 80, HostPort: 0 }]) })).toHaveLength(0);
  });
});

describe('ECS-PM-02 network mode none has no port mappings', () => {
  test('bad: port mappings with NetworkMode none', () => {
    const [f] = check(pm02, { T: ec2({ NetworkMode: 'none' }, [{ ContainerPort: 80 }]) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-02', severity: 'error', property: 'Properties/ContainerDefinitions/0/PortMappings' });
    expect(f.message).toContain("container 'app' has 1 port mapping(s) in network mode none");
  });

  test('good: none without ports, bridge with ports; skipped: unresolved list', () => {
    expect(check(pm02, { T: ec2({ NetworkMode: 'none' }) })).toHaveLength(0);
    expect(check(pm02, { T: ec2({ NetworkMode: 'bridge' }, [{ ContainerPort: 80 }]) })).toHaveLength(0);
    expect(check(pm02, { T: ec2({ NetworkMode: 'none', ContainerDefinitions: [{ Name: 'a', PortMappings: { 'Fn::If': ['C', [], []] } }] }) })).toHaveLength(0);
  });
});

describe('ECS-PM-04 port range', () => {
  test('bad: ContainerPort 70000 and negative HostPort', () => {
    const findings = check(pm04, { T: ec2({ NetworkMode: 'bridge' }, [{ ContainerPort: 70000 }, { ContainerPort: 80, HostPort: -1 }]) });
    expect(findings.map((f) => f.property)).toEqual([
      'Properties/ContainerDefinitions/0/PortMappings/0/ContainerPort',
      'Properties/ContainerDefinitions/0/PortMappings/1/HostPort',
    ]);
    expect(findings[0]).toMatchObject({ ruleId: 'ECS-PM-04', severity: 'error' });
    expect(findings[0].message).toContain('port mapping ContainerPort 70000 is not a valid port');
  });

  test('property: ports 1-65535 pass, above fail; skipped: tokens', () => {
    const valid = fc.integer({ min: 1, max: 65535 });
    fc.assert(fc.property(valid, (p) => check(pm04, { T: withPorts([{ ContainerPort: p, HostPort: p }]) }).length === 0));
    fc.assert(fc.property(fc.integer({ min: 65536, max: 10_000_000 }), (p) => check(pm04, { T: withPorts([{ ContainerPort: p }]) }).length === 1));
    expect(check(pm04, { T: withPorts([{ ContainerPort: '${Token[TOKEN.99]}' }]) })).toHaveLength(0);
  });
});

describe('ECS-PM-06 port mapping name', () => {
  test('bad: uppercase name and a leading hyphen', () => {
    const [f] = check(pm06, { T: withPorts([{ ContainerPort: 80, Name: 'HTTP' }]) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-06', severity: 'error', property: 'Properties/ContainerDefinitions/0/PortMappings/0/Name', value: '"HTTP"' });
    expect(f.message).toContain('port mapping Name "HTTP" contains "H", "T", "P"');
    expect(f.message).toContain('Rename the port mapping to "http"');
    expect(check(pm06, { T: withPorts([{ ContainerPort: 80, Name: '-api' }]) })[0].message).toContain('starts with a hyphen');
    expect(check(pm06, { T: withPorts([{ ContainerPort: 80, Name: 'a'.repeat(65) }]) })).toHaveLength(1);
  });

  test('good: lowercase names; skipped: token', () => {
    expect(check(pm06, { T: withPorts([{ ContainerPort: 80, Name: 'http' }, { ContainerPort: 81, Name: 'grpc_api-2' }]) })).toHaveLength(0);
    expect(check(pm06, { T: withPorts([{ ContainerPort: 80, Name: { 'Fn::Sub': '${P}-http' } }]) })).toHaveLength(0);
  });
});

describe('ECS-PM-09 Windows on EC2 network modes', () => {
  const win = { RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2019_FULL' } };
  test('bad: Windows EC2 task in bridge mode', () => {
    const [f] = check(pm09, { T: ec2({ ...win, NetworkMode: 'bridge' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-PM-09', severity: 'error', property: 'Properties/NetworkMode', value: '"bridge"' });
    expect(f.message).toContain('Windows task definition on EC2 uses NetworkMode bridge');
    expect(f.message).toContain('allowed: NetworkMode omitted (default NAT) or awsvpc');
  });

  test('good: Windows default or awsvpc, Linux bridge; skipped: unresolved OS family', () => {
    expect(check(pm09, { T: ec2({ ...win }) })).toHaveLength(0);
    expect(check(pm09, { T: ec2({ ...win, NetworkMode: 'awsvpc' }) })).toHaveLength(0);
    expect(check(pm09, { T: ec2({ NetworkMode: 'host' }) })).toHaveLength(0);
    expect(check(pm09, { T: ec2({ RuntimePlatform: { OperatingSystemFamily: { Ref: 'Os' } }, NetworkMode: 'host' }) })).toHaveLength(0);
  });
});
