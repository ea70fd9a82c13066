import { ResourceRule, RuleIssue, Severity } from '../rule';
import { platformVersionBelow140 } from '../task/service-facts';
import { containerLabel, containers } from '../task/task-facts';
import { toArray, toObject } from '../values';
import { launchKind, SERVICE, serviceTask } from './service-facts';

/** A Secrets Manager ARN that names a JSON key, version stage or version id (more than 7 parts). */
function isSecretFieldReference(arn: string): boolean {
  return /^arn:[^:]+:secretsmanager:/.test(arn) && arn.split(':').length > 7 && arn.split(':').slice(7).some((p) => p.length > 0);
}

export const SV28_SECRET_JSON_KEY_PLATFORM: ResourceRule = {
  id: 'ECS-SV-28',
  title: 'Secrets Manager JSON-key references need Fargate platform version 1.4.0 or later',
  area: 'service',
  severity: Severity.ERROR,
  description: 'Flags a Fargate service pinned to a platform version below 1.4.0 whose task definition reads a Secrets Manager JSON key, version stage or version id (ValueFrom arn:...:secret:name:json-key:...).',
  deployError: 'The tasks fail to start: specifying a JSON key or version of a Secrets Manager secret needs Fargate platform version 1.4.0 or later, so the service never stabilises.',
  fix: 'Use PlatformVersion LATEST (or 1.4.0), or reference the whole secret.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html',
  resourceTypes: [SERVICE],
  onlyWith: ['PlatformVersion'],
  check(service, ctx): RuleIssue[] {
    const pv = platformVersionBelow140(service);
    if (pv === undefined || launchKind(service, ctx) !== 'FARGATE') return [];
    const task = serviceTask(service, ctx);
    if (!task) return [];
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      for (const s of toArray(def.Secrets) ?? []) {
        const arn = ctx.assembly.resolveString(toObject(s)?.ValueFrom, task.stack);
        if (arn === undefined || !isSecretFieldReference(arn)) continue;
        issues.push({
          property: 'Properties/PlatformVersion',
          value: pv,
          problem: `Fargate service on platform version ${pv} runs ${containerLabel(def, index)} of ${task.path}, which reads the secret field ${arn}`,
          allowed: 'platform version 1.4.0 or later (or LATEST) for JSON-key and version references',
          fix: 'Set PlatformVersion to LATEST or 1.4.0.',
        });
        break;
      }
    }
    return issues;
  },
};
