/**
 * Issue 13: apps as users write them (env-agnostic, public API only), each
 * synthesized with EcsChecks; none may have an error finding.
 */
import { App, Validations } from 'aws-cdk-lib';
import { ec2App, webApiApp, workerApp } from './apps';
import { EcsChecks } from '../../src';

describe.each([
  ['web API with a sidecar and secrets', webApiApp],
  ['worker with a scheduled job and a Service Connect backend', workerApp],
  ['EC2 capacity: a daemon on an existing ecs.Cluster', ec2App],
])('user app: %s', (_name, build) => {
  test('synthesizes env-agnostic with no lookups and no error findings', () => {
    const app = new App();
    build(app);
    const report = EcsChecks.check(app);
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
    expect(app.synth().manifest.missing ?? []).toEqual([]);
  });

  test('synthesizes with the plugin registered', () => {
    const app = new App();
    Validations.of(app).addPlugins(new EcsChecks());
    build(app);
    expect(() => app.synth()).not.toThrow();
  });
});
