import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { isUnresolved, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

/** Options the awslogs driver (Docker's, https://docs.docker.com/engine/logging/drivers/awslogs/, plus ECS's stream prefix) reads. */
const AWSLOGS_OPTIONS = new Set([
  'awslogs-create-group', 'awslogs-create-stream', 'awslogs-credentials-endpoint', 'awslogs-datetime-format',
  'awslogs-endpoint', 'awslogs-force-flush-interval-seconds', 'awslogs-format', 'awslogs-group',
  'awslogs-max-buffer-size', 'awslogs-max-buffered-events', 'awslogs-multiline-pattern', 'awslogs-region', 'awslogs-stream',
  'awslogs-stream-prefix', 'max-buffer-size', 'mode', 'tag',
]);
const AWSLOGS_ALLOWED = [...AWSLOGS_OPTIONS].join(', ');
const REQUIRED = ['awslogs-group', 'awslogs-region'];
/** Docker's log delivery modes (https://docs.docker.com/engine/logging/configure/#configure-the-delivery-mode-of-log-messages-from-container-to-log-driver). */
const LOG_MODES = ['blocking', 'non-blocking'];

export const CT25_AWSLOGS_OPTIONS: ResourceRule = {
  id: 'ECS-CT-25',
  title: 'The awslogs log driver needs awslogs-group and awslogs-region, known options only and a known mode',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks LogConfiguration of containers using the awslogs driver: Options must set awslogs-group and awslogs-region, and every option name must be one the driver knows (as cfn-lint E3046 checks); mode must be blocking or non-blocking.',
  deployError: 'The task registers, but the container cannot start ("failed to initialize logging driver"): the service never stabilises and the stack update fails.',
  fix: 'Set Options awslogs-group and awslogs-region (e.g. !Ref AWS::Region), and remove unknown option names.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html',
  resourceTypes: [TASK_DEFINITION],
  check(task): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      if (def.LogConfiguration === undefined) continue;
      const config = toObject(def.LogConfiguration);
      if (!config || toStr(config.LogDriver) !== 'awslogs') continue;
      if (config.Options !== undefined && isUnresolved(config.Options)) continue;
      const options = toObject(config.Options) ?? {};
      let label: string | undefined;
      if (options['awslogs-group'] === undefined || options['awslogs-region'] === undefined) {
        const missing = REQUIRED.filter((o) => options[o] === undefined);
        label = containerLabel(def, index);
        issues.push({
          property: containerPath(index, 'LogConfiguration', 'Options'),
          value: config.Options,
          problem: `${label} uses the awslogs log driver without ${missing.join(' and ')}`,
          allowed: 'awslogs Options with awslogs-group and awslogs-region',
          fix: `Add ${missing.map((m) => (m === 'awslogs-region' ? 'awslogs-region: !Ref AWS::Region' : 'awslogs-group: <log group name>')).join(' and ')} to the LogConfiguration Options.`,
        });
      }
      const mode = toStr(options.mode);
      if (mode !== undefined && !LOG_MODES.includes(mode)) {
        label ??= containerLabel(def, index);
        issues.push({
          property: containerPath(index, 'LogConfiguration', 'Options', 'mode'),
          value: options.mode,
          problem: `${label} sets awslogs option mode ${JSON.stringify(mode)}, which Docker does not know`,
          allowed: 'mode "blocking" (the default) or "non-blocking"',
          fix: `Set mode to ${mode.toLowerCase().startsWith('non') || mode.toLowerCase() === 'async' ? '"non-blocking"' : '"blocking"'} (aws-cdk-lib: AwsLogDriverMode).`,
        });
      }
      for (const name of Object.keys(options)) {
        if (AWSLOGS_OPTIONS.has(name)) continue;
        label ??= containerLabel(def, index);
        issues.push({
          property: containerPath(index, 'LogConfiguration', 'Options', name),
          value: options[name],
          problem: `${label} sets unknown awslogs option ${name}`,
          allowed: AWSLOGS_ALLOWED,
          fix: `Remove ${name}, or correct its spelling.`,
        });
      }
    }
    return issues;
  },
};
