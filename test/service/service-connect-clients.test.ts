import { Annotations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as servicediscovery from 'aws-cdk-lib/aws-servicediscovery';
import { fargateTask, fixture, Fixture, IMAGE, synthOnce } from './helpers';
import { BackendService, WorkerService } from '../../src/service';

const ID = 'KIT-SERVICE-CONNECT-CLIENT';

function api(f: Fixture, ns: servicediscovery.INamespace): BackendService {
  return new BackendService(f.stack, 'Api', { cluster: f.cluster, task: fargateTask(f.stack, 'ApiTask', 8080, 'api'), cloudMapNamespace: ns });
}

function warnings(f: Fixture): string[] {
  return synthOnce(f.app, f.stack).warnings.filter((w) => w.text.includes(`[${ID}]`)).map((w) => `${w.path} ${w.text}`);
}

/** An aws-cdk-lib Fargate service with no Service Connect. */
function plainService(f: Fixture, id: string): ecs.FargateService {
  const taskDefinition = new ecs.FargateTaskDefinition(f.stack, `${id}Task`);
  taskDefinition.addContainer('app', { image: IMAGE, logging: ecs.LogDrivers.awsLogs({ streamPrefix: id }) });
  return new ecs.FargateService(f.stack, id, { cluster: f.cluster, taskDefinition });
}

describe(`${ID}: allowFrom opens a Service Connect server to a service`, () => {
  test('that is not a Service Connect client: warns, naming both services and the fix', () => {
    const f = fixture();
    const server = api(f, new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' }));
    const worker = new WorkerService(f.stack, 'Worker', { cluster: f.cluster, task: fargateTask(f.stack, 'WorkerTask', 9000) });
    server.allowFrom(worker, 8080);
    server.allowFrom(worker, 8080); // twice: one warning
    expect(warnings(f)).toEqual([
      `/Svc/Api [${ID}] allowFrom opens this Service Connect server to service Svc/Worker, which is not a Service Connect client, so its tasks `
      + 'cannot resolve the server\'s Service Connect name at Svc/Api; allowed: a client with Service Connect enabled in the server\'s namespace '
      + '(namespace Svc/Ns). Give the client serviceConnect: {} (kit services) or call enableServiceConnect() on it (aws-cdk-lib services). '
      + `[ack: ${ID}]`,
    ]);

    const g = fixture();
    const acknowledged = api(g, new servicediscovery.HttpNamespace(g.stack, 'Ns', { name: 'internal' }));
    acknowledged.allowFrom(new WorkerService(g.stack, 'Worker', { cluster: g.cluster, task: fargateTask(g.stack, 'WorkerTask', 9000) }), 8080);
    Annotations.of(acknowledged).acknowledgeWarning(ID, 'the worker calls the API by task IP from ECS ListTasks');
    expect(warnings(g)).toEqual([]);
  });

  test('that is a client of the same namespace, or not a service at all: silent', () => {
    const f = fixture();
    const ns = new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' });
    const server = api(f, ns);
    const worker = new WorkerService(f.stack, 'Worker', {
      cluster: f.cluster, task: fargateTask(f.stack, 'WorkerTask', 9000), serviceConnect: { cloudMapNamespace: ns },
    });
    server.allowFrom(worker, 8080);
    server.allowFrom(ec2.Peer.ipv4('10.0.0.0/16'), 8080);
    server.allowFrom(new ec2.SecurityGroup(f.stack, 'Sg', { vpc: f.vpc }), 8080);
    expect(warnings(f)).toEqual([]);
  });

  test('that is a client of another namespace of the same stack: warns, naming both namespaces', () => {
    const f = fixture();
    const server = api(f, new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' }));
    const other = new servicediscovery.HttpNamespace(f.stack, 'Other', { name: 'other' });
    const worker = new WorkerService(f.stack, 'Worker', {
      cluster: f.cluster, task: fargateTask(f.stack, 'WorkerTask', 9000), serviceConnect: { cloudMapNamespace: other },
    });
    server.allowFrom(worker, 8080);
    expect(warnings(f)).toEqual([expect.stringContaining(
      'to service Svc/Worker, which is a Service Connect client of another namespace (namespace Svc/Other, not namespace Svc/Ns)',
    )]);
  });

  test('aws-cdk-lib services: checked at synth, so enableServiceConnect() after allowFrom counts', () => {
    const f = fixture();
    const server = api(f, new servicediscovery.HttpNamespace(f.stack, 'Ns', { name: 'internal' }));
    const late = plainService(f, 'Late');
    const never = plainService(f, 'Never');
    server.allowFrom(late, 8080);
    server.allowFrom(never, 8080);
    late.enableServiceConnect({ namespace: 'internal' });
    expect(warnings(f).map((w) => w.replace(/, so its tasks.*/, ''))).toEqual([
      `/Svc/Api [${ID}] allowFrom opens this Service Connect server to service Svc/Never, which is not a Service Connect client`,
    ]);
  });

  test('imported namespaces compare by ARN; a server with Cloud Map DNS records is reachable without Service Connect', () => {
    const f = fixture();
    const imported = (id: string, suffix: string) => servicediscovery.HttpNamespace.fromHttpNamespaceAttributes(f.stack, id, {
      namespaceName: id.toLowerCase(), namespaceId: `ns-${suffix}`, namespaceArn: `arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-${suffix}`,
    });
    const server = api(f, imported('Internal', 'aaaaaaaaaaaaaaaa'));
    const same = new WorkerService(f.stack, 'Same', {
      cluster: f.cluster, task: fargateTask(f.stack, 'SameTask', 9000), serviceConnect: { cloudMapNamespace: imported('Again', 'aaaaaaaaaaaaaaaa') },
    });
    const other = new WorkerService(f.stack, 'Other', {
      cluster: f.cluster, task: fargateTask(f.stack, 'OtherTask', 9000), serviceConnect: { cloudMapNamespace: imported('Elsewhere', 'bbbbbbbbbbbbbbbb') },
    });
    server.allowFrom(same, 8080);
    server.allowFrom(other, 8080);
    expect(warnings(f).map((w) => w.replace(/ at Svc\/Api;.*/, ''))).toEqual([
      `/Svc/Api [${ID}] allowFrom opens this Service Connect server to service Svc/Other, which is a Service Connect client of another namespace `
      + '(\'arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-bbbbbbbbbbbbbbbb\', '
      + 'not \'arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-aaaaaaaaaaaaaaaa\'), so its tasks cannot resolve the server\'s Service Connect name',
    ]);

    const g = fixture();
    const dns = new servicediscovery.PrivateDnsNamespace(g.stack, 'Dns', { name: 'corp.local', vpc: g.vpc });
    const withDns = api(g, new servicediscovery.HttpNamespace(g.stack, 'Ns', { name: 'internal' }));
    withDns.service.enableCloudMap({ cloudMapNamespace: dns, name: 'api' });
    withDns.allowFrom(plainService(g, 'Plain'), 8080);
    expect(warnings(g)).toEqual([]);
  });
});
