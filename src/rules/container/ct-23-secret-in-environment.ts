import { ResourceRule, RuleIssue, Severity } from '../rule';
import { TASK_DEFINITION } from '../task/task-facts';
import { isDynamicReference, toArray, toObject, toStr } from '../values';
import { containerLabel, containerPath, containers } from './container-facts';

/** Name tokens that mean the value is a secret. */
const SECRET_TOKENS = new Set([
  'PASSWORD', 'PASSWD', 'PASSPHRASE', 'PWD', 'PASS', 'SECRET', 'SECRETS', 'TOKEN', 'CREDENTIAL', 'CREDENTIALS',
  'CREDS', 'APIKEY', 'PRIVATEKEY', 'SECRETKEY', 'ACCESSTOKEN', 'AUTHTOKEN', 'CLIENTSECRET',
]);
/** A last token that says the variable describes a secret rather than holding one (TOKEN_ENDPOINT_URL, SECRET_ARN). */
const METADATA_SUFFIXES = new Set([
  'URL', 'URI', 'ENDPOINT', 'HOST', 'HOSTNAME', 'PORT', 'ARN', 'NAME', 'ID', 'PATH', 'FILE', 'DIR', 'LENGTH', 'LEN',
  'TTL', 'EXPIRY', 'EXPIRES', 'EXPIRATION', 'LIFETIME', 'TIMEOUT', 'DURATION', 'INTERVAL', 'PERIOD', 'SECONDS', 'HEADER',
  'TYPE', 'POLICY', 'ENABLED', 'DISABLED', 'ENABLE', 'DISABLE', 'REQUIRED', 'MIN', 'MAX', 'COUNT', 'SIZE', 'LIMIT',
  'VERSION', 'REGION', 'ISSUER', 'AUDIENCE', 'ALGORITHM', 'ALG', 'FORMAT', 'MODE', 'PREFIX', 'SUFFIX', 'FIELD', 'PARAM',
  'PARAMETER', 'PROVIDER', 'MANAGER', 'STORE', 'LOCATION', 'SOURCE', 'RESET', 'HINT', 'LABEL', 'ROTATION', 'STRATEGY',
  'COMPLEXITY', 'RETRIES', 'THRESHOLD', 'REF', 'REFERENCE', 'HOURS', 'MINUTES', 'DAYS', 'MS', 'ALGO', 'ATTEMPTS', 'ROUNDS',
  'SCOPE', 'SCOPES', 'SEC', 'SECS', 'CAPACITY', 'BACKEND', 'KWARGS', 'HELPER', 'HASHER', 'CLASS', 'DRIVER', 'METHOD', 'PROTOCOL',
  // Where a token travels, not the token: CSRF_TOKEN_COOKIE=csrftoken (Django's cookie name), AUTH_TOKEN_PARAM=token.
  'COOKIE', 'QUERY', 'ATTRIBUTE', 'CLAIM', 'VAR', 'VARIABLE', 'ENV',
]);
/** Words before KEY that make it a lookup key, a public key or a key id, not a secret. */
const NON_SECRET_KEY_QUALIFIERS = new Set([
  'PARTITION', 'SORT', 'PRIMARY', 'HASH', 'RANGE', 'CACHE', 'OBJECT', 'S3', 'KMS', 'ROUTING', 'PUBLIC', 'PUBLISHABLE',
  'SITE', 'IDEMPOTENCY', 'FOREIGN', 'LOOKUP', 'SEARCH', 'MAP', 'BUCKET', 'DEDUPLICATION', 'DEDUP', 'GROUP', 'MESSAGE',
  'QUEUE', 'SHARD', 'INDEX', 'TABLE', 'COLUMN', 'CONFIG', 'FEATURE', 'FLAG', 'LOCK', 'NAMESPACE', 'STORAGE', 'REDIS',
]);

export const CT23_SECRET_IN_ENVIRONMENT: ResourceRule = {
  id: 'ECS-CT-23',
  title: 'Secret-looking environment variables with plain values',
  area: 'container',
  severity: Severity.WARNING,
  description: 'Kit check: a container Environment entry whose name reads like a secret (PASSWORD, SECRET, TOKEN, API_KEY, PRIVATE_KEY, CREDENTIALS...) with a plain value in the template. Names that describe a secret (TOKEN_ENDPOINT_URL, SECRET_ARN, PASSWORD_MIN_LENGTH, CSRF_TOKEN_COOKIE), lookup keys (SORT_KEY, PUBLIC_KEY) and values that are ARNs, paths, file names (gcp.json), URLs, switches (true, 1, disabled) or Secrets Manager staging labels (AWSCURRENT) are not flagged. Any variable whose literal value is a URL with a password (DATABASE_URL=postgres://app:pw@db/app) is flagged whatever its name.',
  deployError: 'None at deploy: the value is stored in plain text in the template and the task definition, visible to anyone who can describe it.',
  fix: 'Move the value to Secrets Manager or SSM Parameter Store (SecureString) and reference it in the container Secrets.',
  source: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html',
  resourceTypes: [TASK_DEFINITION],
  onlyWith: ['ContainerDefinitions/*/Environment'],
  check(task, context): RuleIssue[] {
    const issues: RuleIssue[] = [];
    for (const { index, def } of containers(task)) {
      const env = toArray(def.Environment);
      if (!env) continue;
      for (let i = 0; i < env.length; i++) {
        const entry = toObject(env[i]);
        const name = toStr(entry?.Name);
        if (name === undefined) continue;
        let what: string;
        if (looksLikeSecretName(name)) {
          // A dynamic reference puts the secret into the task definition in plain text at deploy time: flagged too.
          const raw = entry?.Value;
          const value = typeof raw === 'string' && isDynamicReference(raw) ? raw : context.assembly.resolveString(raw, task.stack);
          if (value === undefined || !looksLikeSecretValue(value)) continue;
          what = value === raw && isDynamicReference(value)
            ? 'a dynamic reference ({{resolve:...}}), whose value CloudFormation writes into the task definition in plain text'
            : 'a plain value that looks like a secret';
        } else if (typeof entry?.Value === 'string' && hasUrlPassword(entry.Value)) {
          // DATABASE_URL=postgres://app:s3cr3t@db/app: the name says URL, the value carries the password.
          what = 'a URL with a password in it (scheme://user:password@host)';
        } else {
          continue;
        }
        const label = containerLabel(def, index);
        const length = String(entry?.Value ?? '').length;
        issues.push({
          property: containerPath(index, 'Environment', i, 'Value'),
          // Never echo the secret itself into findings or logs.
          value: `<redacted, ${length} characters>`,
          problem: `${label} Environment ${name} holds ${what}`,
          allowed: 'secrets in the container Secrets (Secrets Manager or SSM Parameter Store), not in Environment',
          fix: `Store ${name} in Secrets Manager or SSM Parameter Store and reference it from the Secrets of ${label}.`,
        });
      }
    }
    return issues;
  },
};

/** Upper-case words of a variable name: dbPassword, DB_PASSWORD, db-password -> DB, PASSWORD. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter((t) => t.length > 0)
    .map((t) => t.toUpperCase());
}

/** Every secret-looking name contains one of these; most names do not, and skip the tokenizing. */
const SECRET_HINT = /PASS|PWD|SECRET|TOKEN|CRED|KEY/i;

export function looksLikeSecretName(name: string): boolean {
  if (!SECRET_HINT.test(name)) return false;
  const tokens = nameTokens(name);
  const last = tokens[tokens.length - 1];
  if (tokens.length === 0 || METADATA_SUFFIXES.has(last)) return false;
  // A Secrets Manager staging label (SECRET_VERSION_STAGE=AWSCURRENT); DB_PASSWORD_STAGE is a per-stage secret.
  if (last === 'STAGE' && tokens[tokens.length - 2] === 'VERSION') return false;
  // PWD alone is the shell's working directory.
  if (tokens.some((t) => SECRET_TOKENS.has(t) && !(t === 'PWD' && tokens.length === 1))) return true;
  // Run-together names such as PGPASSWORD or DBPASSWD.
  if (tokens.some((t) => /.(PASSWORD|PASSWD)$/.test(t))) return true;
  return last === 'KEY' && tokens.length > 1 && !NON_SECRET_KEY_QUALIFIERS.has(tokens[tokens.length - 2]);
}

/** A URL whose user info has a literal password: `postgres://app:s3cr3t@db`, `redis://:s3cr3t@cache` (not `${DB_PASSWORD}`). */
export function hasUrlPassword(value: string): boolean {
  const m = /^\s*[a-z][a-z0-9+.-]*:\/\/([^/@\s]*):([^/@\s]+)@/i.exec(value);
  return m !== null && !m[2].startsWith('$');
}

/** A file name with an extension that names a key, certificate or config file, in a relative folder or none. */
const FILE_NAME = /^([\w.-]+\/)*[\w-][\w.-]*\.(json|pem|crt|cer|key|p12|pfx|jks|keystore|txt|ya?ml|env|conf|cfg|ini|properties|xml)$/i;

/** Lower-case path segments such as a Secrets Manager secret name, at least two of them. */
const SECRET_NAME = /^[a-z][a-z0-9._+=@-]*(\/[a-z][a-z0-9._+=@-]*)+$/;

/** Values that are references, switches or files rather than secret material. */
export function looksLikeSecretValue(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return false;
  // Switches: MYSQL_RANDOM_ROOT_PASSWORD=1, PASSWORD_AUTH=disabled.
  if (/^(true|false|yes|no|on|off|none|null|0|1|enabled?|disabled?)$/i.test(v)) return false;
  if (/^arn:/.test(v) || v.startsWith('/')) return false;
  // Secrets Manager's own staging labels name a version of a secret (SECRET_VERSION=AWSCURRENT).
  if (/^AWS(CURRENT|PREVIOUS|PENDING)$/.test(v)) return false;
  // Relative or Windows paths, and file names (GOOGLE_APPLICATION_CREDENTIALS=gcp.json).
  if (/^\.{1,2}[\\/]|^[A-Za-z]:[\\/]/.test(v) || FILE_NAME.test(v)) return false;
  if (/^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$/.test(v)) return false;
  // Secrets Manager or Parameter Store names (prod/db/password). Mixed case stays flagged: base64 keys contain slashes.
  if (SECRET_NAME.test(v)) return false;
  // A URL is a location unless it carries user:password@.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return hasUrlPassword(v);
  return true;
}
