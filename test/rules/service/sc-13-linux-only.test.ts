/** ECS-SC-13: Service Connect runs Linux tasks only. */
import { SC13_LINUX_ONLY as sc13 } from '../../../src/rules/service/sc-13-linux-only';
import { check, fargateTask } from '../helpers';
import { service } from './fixtures';

const connect = (enabled: unknown = true) => ({ ServiceConnectConfiguration: { Enabled: enabled, Namespace: 'ns' } });
const windowsTask = (family: unknown = 'WINDOWS_SERVER_2022_CORE') => fargateTask({ Cpu: '1024', Memory: '2048', RuntimePlatform: { OperatingSystemFamily: family } });

describe('ECS-SC-13 Service Connect on Windows', () => {
  test('bad: a Windows task definition in a Service Connect service (client or server)', () => {
    const [f] = check(sc13, { Task: windowsTask(), S: service(connect()) });
    expect(f).toMatchObject({ ruleId: 'ECS-SC-13', severity: 'error', property: 'Properties/ServiceConnectConfiguration/Enabled' });
    expect(f.message).toBe('[ECS-SC-13] Service Connect is enabled, but task definition TestStack/Task runs Windows (WINDOWS_SERVER_2022_CORE) at TestStack/S; '
      + 'allowed: Service Connect on Linux tasks only (its proxy is a Linux container). Turn Service Connect off for this service and reach it through '
      + 'a load balancer or Cloud Map DNS (enableCloudMap), or run it on Linux.');
  });

  test('good: Linux (declared or by default), Service Connect off; skipped: an unresolved family, a task outside the template', () => {
    expect(check(sc13, { Task: windowsTask('LINUX'), S: service(connect()) })).toHaveLength(0);
    expect(check(sc13, { Task: fargateTask(), S: service(connect()) })).toHaveLength(0);
    expect(check(sc13, { Task: windowsTask(), S: service(connect(false)) })).toHaveLength(0);
    expect(check(sc13, { Task: windowsTask({ Ref: 'Family' }), S: service(connect()) })).toHaveLength(0);
    expect(check(sc13, { S: { ...service(connect()), Properties: { ...service(connect()).Properties, TaskDefinition: 'arn:aws:ecs:eu-west-1:1:task-definition/w:1' } } })).toHaveLength(0);
  });
});
