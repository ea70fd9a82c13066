import { PM10_DYNAMIC_PORT_HEALTH_CHECK as rule } from '../../../src/rules/network/pm-10-dynamic-port-health-check';
import { check, Resources } from '../helpers';
import { ec2TaskWith, serviceOf } from '../task/fixtures';

function template(hostPort: unknown, healthCheckPort: unknown, lb: Record<string, unknown> = {}): Resources {
  return {
    T: ec2TaskWith([{ Name: 'web', Image: 'x', Memory: 256, PortMappings: [{ ContainerPort: 8080, HostPort: hostPort }] }]),
    TG: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Port: 8080, Protocol: 'HTTP', VpcId: 'vpc-1', HealthCheckPort: healthCheckPort } },
    S: serviceOf('T', { LoadBalancers: [{ TargetGroupArn: { Ref: 'TG' }, ContainerName: 'web', ContainerPort: 8080, ...lb }] }),
  };
}

describe('ECS-PM-10 dynamic host ports need a traffic-port health check (E3049)', () => {
  test('bad: HostPort 0 behind HealthCheckPort 3000', () => {
    const [f] = check(rule, template(0, '3000'));
    expect(f).toMatchObject({ ruleId: 'ECS-PM-10', severity: 'error', logicalId: 'S', property: 'Properties/LoadBalancers/0' });
    expect(f.message).toContain("container 'web' port 8080 uses a dynamic host port, but target group TestStack/TG health-checks fixed port 3000");
  });

  test('bad: GetAtt task reference, string host port "0"', () => {
    const t = template('0', '3000');
    (t.S.Properties as any).TaskDefinition = { 'Fn::GetAtt': ['T', 'TaskDefinitionArn'] };
    expect(check(rule, t)).toHaveLength(1);
  });

  test('good: traffic-port or omitted; fixed host port; other container or port', () => {
    expect(check(rule, template(0, 'traffic-port'))).toEqual([]);
    expect(check(rule, template(0, undefined))).toEqual([]);
    expect(check(rule, template(8080, '3000'))).toEqual([]);
    expect(check(rule, template(undefined, '3000'))).toEqual([]);
    expect(check(rule, template(0, '3000', { ContainerName: 'other' }))).toEqual([]);
    expect(check(rule, template(0, '3000', { ContainerPort: 30 }))).toEqual([]);
  });

  test('good: the task maps the health port itself as a fixed host port (8081:8081 next to the dynamic 8080)', () => {
    const t = template(0, '8081');
    const container = ((t.T.Properties as any).ContainerDefinitions[0]);
    container.PortMappings.push({ ContainerPort: 8081, HostPort: 8081 });
    expect(check(rule, t)).toEqual([]);
    container.PortMappings[1].HostPort = 0;
    expect(check(rule, t)).toHaveLength(1);
  });

  test('skipped: parameter health check port, task or target group not in the template', () => {
    expect(check(rule, template(0, { Ref: 'Port' }))).toEqual([]);
    expect(check(rule, template(0, '3000', { TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/x/1' }))).toEqual([]);
    const t = template(0, '3000');
    (t.S.Properties as any).TaskDefinition = { Ref: 'TaskParam' };
    expect(check(rule, t)).toEqual([]);
  });
});
