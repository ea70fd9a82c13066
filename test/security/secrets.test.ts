/**
 * Secrets: no literal that looks like a secret reaches a task definition
 * Environment in the example apps, and one that does is caught by ECS-CT-23
 * with and without the EcsChecks plugin.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { exampleApps } from './example-apps';
import { EcsChecks, FargateTask } from '../../src';
import { looksLikeSecretName, looksLikeSecretValue } from '../../src/rules/container/ct-23-secret-in-environment';
import { DEFAULTS_IMAGE } from '../fixtures/default-props-app';

const SECRET = 'hunter2-real-value';

describe('task definition Environment in the example apps and the default-props app', () => {
  const environment = () => exampleApps().flatMap((a) => a.resources
    .filter((r) => r.resource.Type === 'AWS::ECS::TaskDefinition')
    .flatMap((r) => (r.resource.Properties.ContainerDefinitions ?? []).flatMap((c: any) => (c.Environment ?? [])
      .map((e: any) => ({ at: `${r.path} ${c.Name}`, name: e.Name as string, value: e.Value })))));

  test('the apps set environment variables to check', () => {
    expect(environment().length).toBeGreaterThan(0);
  });

  test('no secret-looking name holds a literal, and no literal looks like a credential URL', () => {
    const literal = environment().filter((e) => typeof e.value === 'string');
    expect(literal.filter((e) => looksLikeSecretName(e.name) && looksLikeSecretValue(e.value)).map((e) => `${e.at} ${e.name}`)).toEqual([]);
    // user:password@ in any URL-shaped value, whatever the name.
    expect(literal.filter((e) => /^[a-z][a-z0-9+.-]*:\/\//i.test(e.value) && looksLikeSecretValue(e.value)).map((e) => `${e.at} ${e.name}`)).toEqual([]);
  });
});

describe('ECS-CT-23 catches a secret in the environment', () => {
  const build = () => {
    const app = new App();
    const stack = new Stack(app, 'Secrets');
    new FargateTask(stack, 'Task', { container: { image: DEFAULTS_IMAGE, environment: { DB_PASSWORD: SECRET, LOG_LEVEL: 'info' } } });
    return { app, stack };
  };

  test('through EcsChecks.check(app), without echoing the value', () => {
    const { app } = build();
    const report = EcsChecks.check(app);
    const ct23 = report.findings.filter((f) => f.ruleId === 'ECS-CT-23');
    expect(ct23).toHaveLength(1);
    expect(ct23[0].path).toMatch(/^Secrets\/Task\//);
    expect(ct23[0].message).toContain('DB_PASSWORD');
    expect(JSON.stringify(report)).not.toContain(SECRET);
  });

  test('as the construct-time warning annotation, without the plugin', () => {
    const { stack } = build();
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('ECS-CT-23'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0].id).toBe('/Secrets/Task');
    expect(warnings[0].entry.data).toMatch(/DB_PASSWORD/);
    expect(warnings[0].entry.data).not.toContain(SECRET);
  });
});
