/** Props the kit computes with at synth: a deploy-time value there can only be refused, never guessed. */
import type * as cdk from 'aws-cdk-lib';
import { fail } from '../errors';

/**
 * aws-cdk-lib, loaded on first use: FargateSize is loaded by the CLI (migrate copilot), which must not load
 * aws-cdk-lib (test/cli/lazy-modules.test.ts), and checks a size only when the table rejects it.
 */
function cdkLib(): typeof cdk {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('aws-cdk-lib');
}

/** Whether a number, string, list or Duration holds a token (a parameter, an import, a Lazy). */
export function isDeployTimeValue(value: unknown): boolean {
  // aws-cdk-lib shows a Duration's token amount as <token>; the amount itself is an encoded number.
  const { Duration, Token } = cdkLib();
  if (value instanceof Duration) return value.toHumanString().includes('<token>');
  if (Array.isArray(value)) return Token.isUnresolved(value) || value.some((v) => Token.isUnresolved(v));
  return Token.isUnresolved(value);
}

/**
 * Fails with KIT-SYNTH-VALUE when `value` is known only at deploy time. `why` says what the kit does with it at synth.
 */
export function requireSynthValue(path: string, prop: string, value: unknown, why: string): void {
  if (!isDeployTimeValue(value)) return;
  fail({
    code: 'KIT-SYNTH-VALUE',
    path,
    problem: `${prop} is a value known only at deploy time (a CloudFormation parameter, an import or another token)`,
    allowed: `a value known at synth: ${why}`,
    fix: `Pass ${prop} as a literal; to vary it per environment, read it at synth (app.node.tryGetContext(...) or process.env).`,
  });
}
