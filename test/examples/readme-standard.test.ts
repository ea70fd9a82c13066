/** The README's deployment-standard snippet: applied in one line, it passes a compliant app and fails a breaking one. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Tags } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { hardenedVpc } from '../../examples/hardened-vpc';
import { DeploymentStandard, EcsCluster, FargateTask, StandardTesting, WorkerService } from '../../src';

// --- README snippet ---
export const ACME = DeploymentStandard.BASELINE.extend({
  name: 'acme-platform',
  version: '1.0.0',
  requiredTags: ['team', 'cost-center'],
  allowedFargateSizes: ['256/512', '512/1024', '1024/2048'],
  minLogRetentionDays: 365,
  allowedImageSources: ['111111111111.dkr.ecr.*.amazonaws.com/*', 'public.ecr.aws/*'],
});
// --- end ---

function ordersApp(image: string, tagged: boolean): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'readme-std-')) });
  ACME.apply(app);
  const stack = new Stack(app, 'Orders'); // env-agnostic, as `cdk init` writes it
  if (tagged) {
    Tags.of(app).add('team', 'orders');
    Tags.of(app).add('cost-center', 'cc-42');
  }
  const cluster = new EcsCluster(stack, 'Cluster', { vpc: hardenedVpc(stack, 'Vpc') });
  new WorkerService(stack, 'Worker', { cluster, task: new FargateTask(stack, 'Task', { container: { image: ecs.ContainerImage.fromRegistry(image) } }) });
  return app;
}

test('a compliant app with default props has no findings under the README standard', () => {
  const findings = StandardTesting.synthFindings(ordersApp('111111111111.dkr.ecr.eu-west-1.amazonaws.com/orders@sha256:' + 'a'.repeat(64), true));
  expect(findings.filter((f) => f.severity === 'error').map((f) => `${f.plugin} ${f.ruleId} ${f.path}`)).toEqual([]);
});

test('the README standard fails synth on an untagged app that pulls from Docker Hub', () => {
  const app = ordersApp('nginx:1.27', false);
  expect(() => app.synth()).toThrow(/\[ORG-IMG-01\] Container app image 'nginx:1.27' .* at Orders\/Task\/TaskDefinition; allowed: /);
  const ids = new Set(StandardTesting.synthFindings(ordersApp('nginx:1.27', false)).map((f) => f.ruleId));
  expect([...ids]).toEqual(expect.arrayContaining(['ORG-TAG-01', 'ORG-IMG-01']));
});
