/** ECS-SC-08: PerRequestTimeoutSeconds only on a Service Connect port with an HTTP-family AppProtocol. */
import { SC08_TLS_TIMEOUTS as sc08 } from '../../../src/rules/service/sc-08-tls-timeouts';
import { check, fargateTask, Resources } from '../helpers';
import { service } from './fixtures';

const port = (mapping: Record<string, unknown>) => ({ ContainerPort: 8080, Name: 'api', ...mapping });
const task = (...mappings: Record<string, unknown>[]) => fargateTask({ ContainerDefinitions: [{ Name: 'app', Image: 'x', PortMappings: mappings }] });
const svc = (timeout: Record<string, unknown>, portName: unknown = 'api') => service({
  ServiceConnectConfiguration: { Enabled: true, Namespace: 'ns', Services: [{ PortName: portName, Timeout: timeout }] },
});
const run = (resources: Resources) => check(sc08, resources);

describe('ECS-SC-08 per-request timeout on a TCP port', () => {
  test('bad: port mapping without AppProtocol (TCP)', () => {
    const [f, ...rest] = run({ Task: task(port({})), S: svc({ PerRequestTimeoutSeconds: 30, IdleTimeoutSeconds: 60 }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ ruleId: 'ECS-SC-08', severity: 'error', property: 'Properties/ServiceConnectConfiguration/Services/0/Timeout/PerRequestTimeoutSeconds', value: '30' });
    expect(f.message).toBe('[ECS-SC-08] Service Connect PerRequestTimeoutSeconds is set for port api, whose port mapping has no AppProtocol (TCP) at TestStack/S; '
      + 'allowed: PerRequestTimeoutSeconds only for AppProtocol http, http2 or grpc; only IdleTimeoutSeconds for TCP. '
      + 'Remove PerRequestTimeoutSeconds (keep IdleTimeoutSeconds), or set AppProtocol http, http2 or grpc on port mapping api.');
  });

  test('bad: 0 still sets it; an AppProtocol outside http, http2 and grpc', () => {
    expect(run({ Task: task(port({})), S: svc({ PerRequestTimeoutSeconds: 0 }) }).map((f) => f.property))
      .toEqual(['Properties/ServiceConnectConfiguration/Services/0/Timeout/PerRequestTimeoutSeconds']);
    expect(run({ Task: task(port({ AppProtocol: 'tcp' })), S: svc({ PerRequestTimeoutSeconds: 15 }) })[0].message)
      .toContain('PerRequestTimeoutSeconds is set for port api, whose port mapping has AppProtocol tcp');
  });

  test('good: http, http2 and grpc ports; TCP port with only the idle timeout', () => {
    for (const AppProtocol of ['http', 'http2', 'grpc', 'HTTP2']) {
      expect(run({ Task: task(port({ AppProtocol })), S: svc({ PerRequestTimeoutSeconds: 30 }) })).toEqual([]);
    }
    expect(run({ Task: task(port({})), S: svc({ IdleTimeoutSeconds: 3600 }) })).toEqual([]);
    expect(run({ Task: task(port({ Name: 'admin' }), port({ AppProtocol: 'http', ContainerPort: 80 })), S: svc({ PerRequestTimeoutSeconds: 5 }) })).toEqual([]);
  });

  test('skipped: task definition, port mapping, name or AppProtocol unresolved, or no mapping of that name', () => {
    expect(run({ S: svc({ PerRequestTimeoutSeconds: 30 }) })).toEqual([]);
    expect(run({ Task: task(port({ AppProtocol: { Ref: 'Proto' } })), S: svc({ PerRequestTimeoutSeconds: 30 }) })).toEqual([]);
    expect(run({ Task: task(port({ Name: { Ref: 'PortName' } })), S: svc({ PerRequestTimeoutSeconds: 30 }) })).toEqual([]);
    expect(run({ Task: task({ 'Fn::If': ['C', port({ AppProtocol: 'http' }), port({})] }), S: svc({ PerRequestTimeoutSeconds: 30 }) })).toEqual([]);
    expect(run({ Task: task(port({})), S: svc({ PerRequestTimeoutSeconds: 30 }, { Ref: 'PortName' }) })).toEqual([]);
    expect(run({ Task: task(port({})), S: svc({ PerRequestTimeoutSeconds: { Ref: 'Seconds' } }) })).toEqual([]);
    expect(run({ Task: task(port({ Name: 'web' })), S: svc({ PerRequestTimeoutSeconds: 30 }) })).toEqual([]);
  });
});
