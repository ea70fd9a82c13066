import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

/** What is wrong with a literal ARN as a secret's ValueFrom, or undefined when it names a secret or a parameter. */
function arnProblem(arn: string): { problem: string; fix: string } | undefined {
  const m = /^arn:[^:]*:([^:]*):[^:]*:[^:]*:(.*)$/.exec(arn);
  if (!m) return arn.startsWith('arn:') ? { problem: 'is not a complete ARN', fix: 'Give the full ARN of the secret or parameter.' } : undefined;
  const [, service, resource] = m;
  if (service === 'ssm') {
    return resource.startsWith('parameter/') ? undefined
      : { problem: 'is an SSM ARN without parameter/ before the name', fix: `Write the parameter's ARN as arn:...:ssm:REGION:ACCOUNT:parameter/${resource.replace(/^\//, '')}.` };
  }
  if (service === 'secretsmanager') {
    return resource.startsWith('secret:') ? undefined
      : { problem: 'is a Secrets Manager ARN without secret: before the name', fix: `Write the secret's ARN as arn:...:secretsmanager:REGION:ACCOUNT:secret:${resource}.` };
  }
  return {
    problem: `is an ARN of ${service || 'no service'}, not of a Secrets Manager secret or an SSM parameter`,
    fix: 'Store the value in Secrets Manager or SSM Parameter Store and name that ARN; an environment file in S3 goes in EnvironmentFiles.',
  };
}

export const CT32_SECRET_VALUE_FROM: ResourceRule = {
  id: 'ECS-CT-32',
  title: 'A secret\'s ValueFrom names a Secrets Manager secret or an SSM parameter',
  area: 'container',
  severity: Severity.ERROR,
  description: 'Checks the literal ValueFrom of container Secrets and LogConfiguration SecretOptions: an ARN must be of Secrets Manager '
    + '(secret:NAME...) or of SSM Parameter Store (parameter/NAME). A bare name is an SSM parameter of the task\'s Region and is not judged. '
    + 'Typical sources: an S3 ARN of an environment file, an SSM ARN pasted without parameter/. Unresolved values are skipped.',
  deployError: 'Tasks stop before any container starts ("ResourceInitializationError: unable to pull secrets or registry auth"): ECS reads '
    + 'ValueFrom only as a Secrets Manager secret or an SSM parameter, so the service never reaches a steady state.',
  fix: 'Name the full ARN of the Secrets Manager secret or SSM parameter (aws-cdk-lib: ecs.Secret.fromSecretsManager / fromSsmParameter).',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Secrets', 'ContainerDefinitions/*/LogConfiguration/SecretOptions'],
  check(task, ctx): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const lists: [readonly string[], unknown][] = [[['Secrets'], def.Secrets], [['LogConfiguration', 'SecretOptions'], toObject(def.LogConfiguration)?.SecretOptions]];
      for (const [at, list] of lists) {
        (toArray(list) ?? []).forEach((raw, j) => {
          const secret = toObject(raw);
          const arn = ctx.assembly.resolveString(secret?.ValueFrom, task.stack);
          const wrong = arn === undefined ? undefined : arnProblem(arn);
          if (!wrong) return;
          issues.push({
            property: containerPath(index, ...at, j, 'ValueFrom'),
            value: arn,
            problem: `${containerLabel(def, index)} reads secret ${JSON.stringify(secret?.Name ?? j)} from ${arn}, which ${wrong.problem}`,
            allowed: 'the ARN of a Secrets Manager secret (arn:...:secretsmanager:...:secret:NAME) or of an SSM parameter (arn:...:ssm:...:parameter/NAME), or a parameter name',
            fix: wrong.fix,
          });
        });
      }
    }
    return issues;
  },
};
