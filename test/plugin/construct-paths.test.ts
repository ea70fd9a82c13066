import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsChecks } from '../../src';
import { main } from '../../src/cli/main';

/** An app whose task definition is too small for its container, synthesized without aws:cdk:path metadata (as app.synth() in jest). */
function badApp(context: Record<string, unknown> = {}, overrideId?: string): App {
  const app = new App({ context });
  const stack = new Stack(app, 'Paths');
  const td = new ecs.FargateTaskDefinition(stack, 'TaskDef', { cpu: 256, memoryLimitMiB: 512 });
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), memoryLimitMiB: 256 });
  const cfn = td.node.defaultChild as ecs.CfnTaskDefinition;
  cfn.addPropertyOverride('Memory', '4096');
  if (overrideId) cfn.overrideLogicalId(overrideId);
  return app;
}

function synthMessages(app: App): string {
  Validations.of(app).addPlugins(new EcsChecks());
  const errors: string[] = [];
  const spy = jest.spyOn(console, 'error').mockImplementation((m: unknown) => { errors.push(String(m)); });
  try {
    app.synth();
  } catch (e) {
    errors.push((e as Error).message);
  } finally {
    spy.mockRestore();
  }
  expect(errors).not.toEqual([]);
  return errors.join('\n');
}

describe('construct paths of templates without aws:cdk:path metadata', () => {
  test('the plugin names the construct, read from the assembly\'s logical id metadata', () => {
    const plain = badApp().synth().getStackByName('Paths').template.Resources;
    expect(Object.values(plain).some((r: any) => r.Metadata?.['aws:cdk:path'])).toBe(false);
    expect(synthMessages(badApp())).toMatch(/\[ECS-TD-01\][^\n]* at Paths\/TaskDef;/);
  });

  test('a logical id set with overrideLogicalId still maps to its construct', () => {
    expect(synthMessages(badApp({}, 'MyTaskDef'))).toMatch(/\[ECS-TD-01\][^\n]* at Paths\/TaskDef;/);
  });

  test('with the logical id metadata turned off, the construct tree gives the path', () => {
    expect(synthMessages(badApp({ 'aws:cdk:disable-logicalId-metadata': true }))).toMatch(/\[ECS-TD-01\][^\n]* at Paths\/TaskDef;/);
  });

  test('with path metadata on, the template\'s own path is used', () => {
    expect(synthMessages(badApp({ 'aws:cdk:enable-path-metadata': true }))).toMatch(/\[ECS-TD-01\][^\n]* at Paths\/TaskDef;/);
  });

  test('EcsChecks.check() reads the same paths', () => {
    expect(EcsChecks.check(badApp({}, 'MyTaskDef')).findings).toEqual([expect.objectContaining({ ruleId: 'ECS-TD-01', logicalId: 'MyTaskDef', path: 'Paths/TaskDef' })]);
  });

  test('the CLI on a cdk.out without path metadata names the construct, not Stack/LogicalId', () => {
    const dir = badApp({}, 'MyTaskDef').synth().directory;
    const out: string[] = [];
    const code = main(['check', '--format', 'json', dir], { stdout: (t) => out.push(t), stderr: (t) => out.push(t) });
    expect(code).toBe(1);
    const findings = JSON.parse(out.join('')).findings;
    expect(findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: 'ECS-TD-01', path: 'Paths/TaskDef' })]));
  });
});
