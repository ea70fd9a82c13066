/**
 * ViolationSeverity: Control Tower findings keep failing synth when a kit construct acknowledges another Control
 * Tower rule. The first test pins aws-cdk-lib 2.276's behaviour: when it fails, aws-cdk-lib has stopped letting
 * severity-less violations pass after an acknowledgement, and the wrapper may no longer be needed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, IPolicyValidationPlugin, Stack, Validations } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { ViolationSeverity } from '../../src';

/** An unencrypted log group (CT.CLOUDWATCH.PR.3, an error) and a queue whose DLQ rule is acknowledged, as kit queues are. */
function app(wrap: boolean): App {
  const a = new App();
  const stack = new Stack(a, 'Ct');
  new logs.LogGroup(stack, 'Logs', { retention: logs.RetentionDays.ONE_YEAR });
  const queue = new sqs.Queue(stack, 'Queue', { encryption: sqs.QueueEncryption.KMS_MANAGED, enforceSSL: true });
  Validations.of(queue).acknowledge({ id: 'cdk-validator-cfnguard::sqs_dlq_check', reason: 'a dead-letter queue itself' });
  const guard = new CfnGuardValidator({ controlTowerRulesEnabled: true }) as unknown as IPolicyValidationPlugin;
  Validations.of(a).addPlugins(wrap ? ViolationSeverity.errorByDefault(guard) : guard);
  return a;
}

function synth(a: App): string | undefined {
  const error = console.error;
  console.error = () => undefined;
  try {
    a.synth();
    return undefined;
  } catch (e) {
    return String(e);
  } finally {
    console.error = error;
  }
}

describe('ViolationSeverity.errorByDefault', () => {
  test('aws-cdk-lib 2.276: with an acknowledgement matched, the plain validator\'s errors pass synth', () => {
    const a = app(false);
    expect(synth(a)).toBeUndefined();
    // The finding is in the report all the same: only its effect on synth is lost.
    expect(fs.readFileSync(path.join(a.outdir, 'validation-report.json'), 'utf8')).toContain('cloudwatch_log_group_encrypted_check');
  });

  test('wrapped, the unacknowledged Control Tower error fails synth; the acknowledged one stays acknowledged', () => {
    const message = synth(app(true));
    expect(message).toMatch(/ValidationFailed[\s\S]*ERROR \[CT\.CLOUDWATCH\.PR\.3\]/);
    expect(message).not.toContain('sqs_dlq_check');
  });

  test('name, version and rule ids are the plugin\'s; wrapping twice changes nothing; set severities are kept', () => {
    const plugin: IPolicyValidationPlugin = {
      name: 'x',
      version: '1',
      ruleIds: ['R1'],
      validate: () => ({
        success: false,
        violations: [
          { ruleName: 'R1', description: 'd', violatingResources: [] },
          { ruleName: 'R2', description: 'd', severity: 'warning', violatingResources: [] },
        ],
      }),
    };
    const w = ViolationSeverity.errorByDefault(plugin);
    expect(w).toMatchObject({ name: 'x', version: '1', ruleIds: ['R1'] });
    expect(ViolationSeverity.errorByDefault(w)).toBe(w);
    expect(w.validate({} as never).violations.map((v) => v.severity)).toEqual(['error', 'warning']);
  });
});
