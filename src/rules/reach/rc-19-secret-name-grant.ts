import { roleOf, rolePermissions } from './role-permissions';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { containers, TASK_DEFINITION } from '../task/task-facts';
import { toArray, toObject } from '../values';

/** `:secret:NAME` in a JSON text, NAME up to the end of its string, without the `-??????` suffix a name-based grant adds. */
const SECRET_NAME = /:secret:([^"*?]*?)(?:-\?{6}|\*)?"/g;

/** Names after `:secret:` in a value (a literal ARN or an Fn::Join / Fn::Sub of one), as its JSON text shows them. */
function secretNames(value: unknown): string[] {
  const text = JSON.stringify(value) ?? '';
  return [...text.matchAll(SECRET_NAME)].map((m) => m[1]);
}

export const RC19_SECRET_NAME_GRANT: ResourceRule = {
  id: 'ECS-RC-19',
  title: 'The execution role\'s secret grant names a secret that can exist',
  area: 'reach',
  severity: Severity.ERROR,
  description: 'For a task definition whose execution role is in the app: flags a secretsmanager grant of the role whose secret name contains ":", '
    + 'when a container secret\'s valueFrom names the same text. A secret name cannot contain ":" (in valueFrom it separates the JSON key, version stage '
    + 'and version id), so the grant matches no secret. It is what Secret.fromSecretNameV2 with a name such as "app/db:password::" (a valueFrom suffix '
    + 'pasted into the name) produces: the valueFrom still reads the secret, but the role may not.',
  deployError: 'Tasks stop before any container starts: "ResourceInitializationError: unable to pull secrets or registry auth: ... AccessDeniedException: '
    + '... is not authorized to perform: secretsmanager:GetSecretValue"; the service never reaches a steady state.',
  fix: 'Import the secret by its name alone (Secret.fromSecretNameV2(this, id, \'app/db\')) and name the JSON key in the container secret '
    + '(ecs.Secret.fromSecretsManager(secret, \'password\')).',
  source: 'https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Secrets'],
  check(task, ctx): RuleIssue[] {
    const fromValues = new Set<string>();
    for (const { def } of containers(task)) {
      for (const s of toArray(def.Secrets) ?? []) for (const name of secretNames(toObject(s)?.ValueFrom)) fromValues.add(name);
    }
    const suspects = [...fromValues].filter((n) => n.includes(':'));
    if (suspects.length === 0) return [];
    const role = roleOf(task.properties.ExecutionRoleArn, task, ctx.assembly);
    if (!role) return [];
    const granted = new Set(rolePermissions(role, ctx.assembly).statements
      .filter((s) => !s.denies && (s.actionNames ?? []).some((a) => a !== undefined && /^secretsmanager:(GetSecretValue|\*)$|^\*$/i.test(a)))
      .flatMap((s) => (s.resources ?? []).flatMap((r) => secretNames(r.raw))));
    return suspects.filter((name) => granted.has(name)).map((name) => {
      const base = name.slice(0, name.indexOf(':'));
      const key = name.slice(name.indexOf(':') + 1).split(':')[0];
      return {
        property: 'Properties/ExecutionRoleArn',
        value: role.logicalId,
        problem: `execution role ${role.path} is granted secretsmanager:GetSecretValue on secret name '${name}', which no secret has: secret names cannot contain ':'`,
        allowed: 'a grant on the secret\'s own name (letters, digits and /_+=.@-); the JSON key, version stage and version id belong in valueFrom only',
        fix: `Import the secret as Secret.fromSecretNameV2(this, id, '${base}')${key ? ` and read the key with ecs.Secret.fromSecretsManager(secret, '${key}')` : ''}.`,
      };
    });
  },
};
