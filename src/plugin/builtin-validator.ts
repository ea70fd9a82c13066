/**
 * When aws-cdk-lib's built-in CloudFormation validator fails synth on its
 * errors, EcsChecks can leave the overlapping problems to it. It does so
 * only when all three hold (aws-cdk-lib 2.276, private/synthesis-validation):
 * - the App was not built with `builtinCloudFormationValidation: false`
 * - `CDK_VALIDATION` is not exactly 'false'
 * - the context key `@aws-cdk/core:validateAgainstDefaultRules` is true;
 *   unset (the default) only downgrades its errors to warnings.
 */
import { App } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { appBuiltinValidation } from '../internal/cdk-internals';

/** The context key that turns the built-in validator's errors into synth failures. */
export const VALIDATE_AGAINST_DEFAULT_RULES = '@aws-cdk/core:validateAgainstDefaultRules';

/** Whether the built-in validator runs on this app's synth and fails it on errors. */
export function builtInValidatorFailsSynth(scope: IConstruct): boolean {
  const root = scope.node.root;
  if (process.env.CDK_VALIDATION === 'false') return false;
  if (App.isApp(root) && !builtInValidationEnabled(root)) return false;
  const flag: unknown = root.node.tryGetContext(VALIDATE_AGAINST_DEFAULT_RULES);
  return flag !== undefined && flag !== false && flag !== 'false';
}

/**
 * AppProps.builtinCloudFormationValidation is kept only in a private field
 * (read in src/internal/cdk-internals.ts, which throws if aws-cdk-lib renames it).
 */
export function builtInValidationEnabled(app: App): boolean {
  return appBuiltinValidation(app);
}
