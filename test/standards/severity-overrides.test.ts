/** Severities a deployment standard gives rule ids, in EcsChecks and in `cdk-ecs-kit check`; `--severity` on the CLI. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { DeploymentStandard, EcsChecks, Severity, StandardTesting } from '../../src';
import { runCli as run } from '../cli/run-cli';
import { fargateTask } from '../rules/helpers';

/** An app whose task has a plain value in a secret-like variable (ECS-CT-23, a warning by default). */
function plainSecretApp(checks: EcsChecks): App {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'sev-')) });
  Validations.of(app).addPlugins(checks);
  const stack = new Stack(app, 'S');
  const td = new ecs.FargateTaskDefinition(stack, 'Task');
  td.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:1.27'), environment: { DB_PASSWORD: 'hunter2' } });
  return app;
}

const ct23 = (checks: EcsChecks) => StandardTesting.synthReport(plainSecretApp(checks)).findings.filter((f) => f.ruleId === 'ECS-CT-23').map((f) => f.severity);

describe('DeploymentStandardProps.severityOverrides', () => {
  test('REGULATED fails synth on a plain secret (none of its packs checks environment values)', () => {
    expect(DeploymentStandard.REGULATED.props.severityOverrides).toEqual({ 'ECS-CT-23': Severity.ERROR });
    expect(ct23(new EcsChecks())).toEqual(['warning']);
    expect(ct23(new EcsChecks({ standard: new DeploymentStandard({ severityOverrides: { 'ECS-CT-23': Severity.ERROR } }) }))).toEqual(['error']);
  });

  test('the app\'s EcsChecks severityOverrides win over its standard\'s', () => {
    const standard = new DeploymentStandard({ severityOverrides: { 'ECS-CT-23': Severity.ERROR } });
    expect(ct23(new EcsChecks({ standard, severityOverrides: { 'ECS-CT-23': Severity.WARNING } }))).toEqual(['warning']);
  });

  test('an unknown level fails where the standard is written; an unknown id where EcsChecks is built', () => {
    expect(() => DeploymentStandard.fromJson('{"severityOverrides": {"ECS-CT-23": "fatal"}}', 'acme.json'))
      .toThrow("acme.json: severityOverrides['ECS-CT-23'] 'fatal' is unknown; allowed: error, warning");
    expect(() => new EcsChecks({ standard: new DeploymentStandard({ severityOverrides: { 'ECS-XX-99': Severity.ERROR } }) }))
      .toThrow("EcsChecks: unknown rule id 'ECS-XX-99'");
  });
});

describe('cdk-ecs-kit check --severity and a standard\'s severities', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sev-cli-'));
  const template = (serviceName?: string) => ({
    Resources: {
      Task: fargateTask({
        ContainerDefinitions: [{ Name: 'app', Image: 'public.ecr.aws/nginx/nginx:1.27', Essential: true, Environment: [{ Name: 'DB_PASSWORD', Value: 'hunter2' }] }],
      }),
      Svc: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: 'c',
          TaskDefinition: { Ref: 'Task' },
          LaunchType: 'FARGATE',
          ...serviceName ? { ServiceName: serviceName } : {},
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0123'], SecurityGroups: ['sg-0123'] } },
        },
      },
    },
  });
  const file = path.join(dir, 'app.json');
  const old = path.join(dir, 'old.json');
  fs.writeFileSync(file, JSON.stringify(template('orders')));
  fs.writeFileSync(old, JSON.stringify(template()));

  test('--severity raises a warning to an error (exit 1), ECS-RP-01 included; bad entries are usage errors (exit 2)', () => {
    expect(run('check', file).code).toBe(0);
    const raised = run('check', '--severity', 'ECS-CT-23=error', file);
    expect(raised.code).toBe(1);
    expect(raised.stdout).toMatch(/^ERROR +ECS-CT-23/m);
    expect(run('check', '--baseline', old, '--disable', 'ECS-CT-23', file).code).toBe(0);
    expect(run('check', '--baseline', old, '--disable', 'ECS-CT-23', '--severity', 'ECS-RP-01=error', file).code).toBe(1);
    expect(run('check', '--severity', 'ECS-XX-01=error', file)).toMatchObject({ code: 2, stderr: expect.stringContaining("--severity: unknown rule id 'ECS-XX-01'") });
    expect(run('check', '--severity', 'ECS-CT-23=fatal', file)).toMatchObject({ code: 2, stderr: expect.stringContaining("level 'fatal' of ECS-CT-23 is unknown; allowed: error, warning") });
  });

  test('--standard FILE with severityOverrides', () => {
    const standard = path.join(dir, 'standard.json');
    fs.writeFileSync(standard, new DeploymentStandard({ name: 'acme', severityOverrides: { 'ECS-CT-23': Severity.ERROR } }).toJson());
    expect(run('check', '--standard', standard, file).code).toBe(1);
    // --severity wins over the standard's.
    expect(run('check', '--standard', standard, '--severity', 'ECS-CT-23=warning', file).code).toBe(0);
  });
});
