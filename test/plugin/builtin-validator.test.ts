/**
 * EcsChecks must fail synth on the problems it shares with aws-cdk-lib's
 * built-in validator in every configuration a user can have. Each setup runs
 * the same bad cases: the CDK_VALIDATION variable unset with the context flag
 * unset (what `cdk init` gives), the flag set, and CDK_VALIDATION=false.
 */
import { App, CfnResource, Stack, Validations } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { EcsChecks } from '../../src';
import { builtInValidationEnabled, builtInValidatorFailsSynth, VALIDATE_AGAINST_DEFAULT_RULES } from '../../src/plugin/builtin-validator';

const IMAGE = 'public.ecr.aws/nginx/nginx:1.27';

/** One stack with a bad case per overlapping rule, each in the form a user writes. */
function badApp(context: Record<string, unknown> = {}): App {
  const app = new App({ context });
  const stack = new Stack(app, 'Bad');
  // ECS-TD-01: cpu 256 / memory 4096 in a plain FargateTaskDefinition (the reproduction).
  const size = new ecs.FargateTaskDefinition(stack, 'Size', { cpu: 256, memoryLimitMiB: 4096 });
  size.addContainer('app', { image: ecs.ContainerImage.fromRegistry(IMAGE), memoryLimitMiB: 256 });
  const fargate = (extra: Record<string, unknown>) => ({
    RequiresCompatibilities: ['FARGATE'],
    NetworkMode: 'awsvpc',
    Cpu: '256',
    Memory: '512',
    ContainerDefinitions: [{ Name: 'app', Image: IMAGE, Essential: true }],
    ...extra,
  });
  // ECS-TD-04, ECS-TD-07 and ECS-CT-17 in L1 form.
  new CfnResource(stack, 'NoMemory', { type: 'AWS::ECS::TaskDefinition', properties: fargate({ Memory: undefined }) });
  new CfnResource(stack, 'Bridge', { type: 'AWS::ECS::TaskDefinition', properties: fargate({ NetworkMode: 'bridge' }) });
  new CfnResource(stack, 'Syslog', {
    type: 'AWS::ECS::TaskDefinition',
    properties: fargate({ ContainerDefinitions: [{ Name: 'app', Image: IMAGE, Essential: true, LogConfiguration: { LogDriver: 'syslog' } }] }),
  });
  return app;
}

const OVERLAPS = ['ECS-TD-01', 'ECS-TD-04', 'ECS-TD-07', 'ECS-CT-17'];

function withEnv<T>(value: string | undefined, fn: () => T): T {
  const previous = process.env.CDK_VALIDATION;
  if (value === undefined) delete process.env.CDK_VALIDATION;
  else process.env.CDK_VALIDATION = value;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return fn();
  } finally {
    errors.mockRestore();
    warnings.mockRestore();
    if (previous === undefined) delete process.env.CDK_VALIDATION;
    else process.env.CDK_VALIDATION = previous;
  }
}

function synthError(app: App): string {
  Validations.of(app).addPlugins(new EcsChecks());
  try {
    app.synth();
  } catch (e) {
    return String((e as Error).message);
  }
  return '';
}

describe('cpu 256 / memory 4096 and the other overlapping problems fail synth with EcsChecks registered', () => {
  test('CDK_VALIDATION unset, context flag unset (the default): the built-in validator only warns, EcsChecks reports every problem', () => {
    withEnv(undefined, () => {
      const app = badApp();
      expect(builtInValidatorFailsSynth(app)).toBe(false);
      const message = synthError(app);
      for (const id of OVERLAPS) expect(message).toContain(`[${id}]`);
      expect(message).toContain('Fargate task cpu 256 does not allow memory 4096 MiB at Bad/Size');
      const report = EcsChecks.check(badApp());
      expect(report.findings.map((f) => f.ruleId).sort()).toEqual(expect.arrayContaining(OVERLAPS));
      expect(report.errorCount).toBeGreaterThanOrEqual(OVERLAPS.length);
    });
  });

  test('context flag set: the built-in validator fails synth itself (E3047, E3048), EcsChecks leaves those to it', () => {
    withEnv(undefined, () => {
      const app = badApp({ [VALIDATE_AGAINST_DEFAULT_RULES]: true });
      expect(builtInValidatorFailsSynth(app)).toBe(true);
      const message = synthError(app);
      expect(message).toMatch(/E3047/);
      expect(message).toMatch(/E3048/);
      expect(message).not.toContain('[ECS-TD-01]');
    });
  });

  test('CDK_VALIDATION=false: the built-in validator is off, EcsChecks reports every problem', () => {
    withEnv('false', () => {
      const app = badApp({ [VALIDATE_AGAINST_DEFAULT_RULES]: true });
      expect(builtInValidatorFailsSynth(app)).toBe(false);
      const message = synthError(app);
      for (const id of OVERLAPS) expect(message).toContain(`[${id}]`);
      expect(EcsChecks.check(badApp()).errorCount).toBeGreaterThanOrEqual(OVERLAPS.length);
    });
  });

  test('builtinCloudFormationValidation: false on the App: EcsChecks reports every problem even with the flag set', () => {
    withEnv(undefined, () => {
      const app = new App({ builtinCloudFormationValidation: false, context: { [VALIDATE_AGAINST_DEFAULT_RULES]: 'true' } });
      expect(builtInValidatorFailsSynth(app)).toBe(false);
      expect(builtInValidatorFailsSynth(new App({ context: { [VALIDATE_AGAINST_DEFAULT_RULES]: 'true' } }))).toBe(true);
      expect(builtInValidatorFailsSynth(new App({ context: { [VALIDATE_AGAINST_DEFAULT_RULES]: 'false' } }))).toBe(false);
    });
  });
});

describe('aws-cdk-lib internals read by the kit', () => {
  test('App keeps builtinCloudFormationValidation in _builtinCloudFormationValidation (fails when aws-cdk-lib renames it)', () => {
    expect(Object.keys(new App())).toContain('_builtinCloudFormationValidation');
    expect(builtInValidationEnabled(new App())).toBe(true);
    expect(builtInValidationEnabled(new App({ builtinCloudFormationValidation: false }))).toBe(false);
  });
});
