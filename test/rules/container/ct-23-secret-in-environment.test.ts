import * as fc from 'fast-check';
import { CT23_SECRET_IN_ENVIRONMENT as rule, hasUrlPassword, looksLikeSecretName, looksLikeSecretValue } from '../../../src/rules/container/ct-23-secret-in-environment';
import { check } from '../helpers';
import { taskWith, TOKEN } from '../task/fixtures';

const env = (Name: unknown, Value: unknown) => taskWith([{ Name: 'app', Image: 'x', Environment: [{ Name: 'LOG_LEVEL', Value: 'info' }, { Name, Value }] }]);

describe('ECS-CT-23 secret-looking environment variables', () => {
  test('bad: DB_PASSWORD with a plain value; the value is never echoed', () => {
    const [f] = check(rule, { T: env('DB_PASSWORD', 'hunter2-prod') });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-23', severity: 'warning', property: 'Properties/ContainerDefinitions/0/Environment/1/Value' });
    expect(f.message).toContain("container 'app' Environment DB_PASSWORD holds a plain value that looks like a secret");
    expect(f.fix).toContain('Secrets Manager or SSM Parameter Store');
    expect(JSON.stringify(f)).not.toContain('hunter2');
  });

  test('bad: a URL with a password, whatever the name (DATABASE_URL); the URL is never echoed', () => {
    const [f] = check(rule, { T: env('DATABASE_URL', 'postgres://app:s3cr3t@db:5432/app') });
    expect(f.message).toContain("container 'app' Environment DATABASE_URL holds a URL with a password in it (scheme://user:password@host)");
    expect(f.value).toBe('"<redacted, 33 characters>"');
    expect(JSON.stringify(f)).not.toContain('s3cr3t');
    expect(check(rule, { T: env('REDIS_URL', 'redis://:s3cr3t@cache:6379') })).toHaveLength(1);
  });

  test.each([
    'postgres://db:5432/app', 'postgres://app@db/app', 'postgres://app:${DB_PASSWORD}@db/app', 'postgres://app:$DB_PASSWORD@db/app',
    'https://example.com/a:b@c', 'mailto:a@b.c', 'http://user:@host',
  ])('no password in the URL: %s', (url) => {
    expect(hasUrlPassword(url)).toBe(false);
    expect(check(rule, { T: env('DATABASE_URL', url) })).toEqual([]);
  });

  test.each([
    'DB_PASSWORD', 'dbPassword', 'PGPASSWORD', 'SMTP_PASS', 'DB_PWD', 'JWT_SECRET', 'CLIENT_SECRET', 'GITHUB_TOKEN',
    'REFRESH_TOKEN', 'DB_PASSWORD_STAGE', 'STRIPE_SECRET_KEY_STAGE', 'API_KEY', 'STRIPE_API_KEY', 'apiKey', 'OPENAI_APIKEY', 'SSH_PRIVATE_KEY', 'AWS_SECRET_ACCESS_KEY',
    'ENCRYPTION_KEY', 'STRIPE_KEY', 'DB_CREDENTIALS', 'secret-key',
  ])('secret name: %s', (name) => {
    expect(looksLikeSecretName(name)).toBe(true);
  });

  test.each([
    'KEYCLOAK_URL', 'TOKEN_ENDPOINT_URL', 'SECRET_ARN', 'DB_SECRET_NAME', 'PASSWORD_MIN_LENGTH', 'TOKEN_TTL', 'JWT_TOKEN_EXPIRY',
    'AWS_ACCESS_KEY_ID', 'KMS_KEY_ARN', 'SORT_KEY', 'PARTITION_KEY', 'PUBLIC_KEY', 'STRIPE_PUBLISHABLE_KEY', 'RECAPTCHA_SITE_KEY',
    'CACHE_KEY_PREFIX', 'MAX_TOKENS', 'TOKENIZERS_PARALLELISM', 'PWD', 'KEY', 'PASSWORD_RESET_ENABLED', 'SECRETS_MANAGER_ENDPOINT',
    'OAUTH_TOKEN_HEADER', 'BYPASS_CACHE', 'MONKEY', 'SECRET_KEY_REF', 'DB_PASSWORD_REFERENCE', 'PASSWORD_RESET_EXPIRY_HOURS', 'PASSWORD_HASH_ALGO',
    'TOKEN_REFRESH_MINUTES', 'LOGIN_TOKEN_ATTEMPTS', 'PASSWORD_HASH_ROUNDS', 'GITHUB_TOKEN_SCOPE', 'OAUTH_TOKEN_SCOPES',
    // Settings (a false-positive hunt over real apps): Airflow's secrets backend class and its arguments, durations, algorithms.
    'AIRFLOW__SECRETS__BACKEND', 'AIRFLOW__SECRETS__BACKEND_KWARGS', 'TOKEN_TTL_SEC', 'TOKEN_BUCKET_CAPACITY', 'PASSWORD_HASHER',
    'GIT_CREDENTIAL_HELPER', 'SECRET_STORE_DRIVER', 'TOKEN_AUTH_METHOD', 'SECRET_VERSION_STAGE', 'DB_SECRET_VERSION_ID',
    // Where a token travels (a second false-positive hunt): Django's CSRF cookie name, a query parameter, a JWT claim.
    'CSRF_TOKEN_COOKIE', 'AUTH_TOKEN_QUERY', 'SESSION_TOKEN_CLAIM', 'API_TOKEN_ENV_VAR',
  ])('not a secret name: %s', (name) => {
    expect(looksLikeSecretName(name)).toBe(false);
  });

  test('values that are references or switches are not flagged', () => {
    for (const v of ['', 'true', 'arn:aws:secretsmanager:eu-west-1:1:secret:x', '/run/secrets/db', '${DB_PASSWORD}', 'https://auth.example.com/token',
      'AWSCURRENT', 'AWSPREVIOUS', 'AWSPENDING']) {
      expect(looksLikeSecretValue(v)).toBe(false);
    }
    expect(looksLikeSecretValue('postgres://app:s3cret@db:5432/app')).toBe(true);
    expect(looksLikeSecretValue('{{resolve:secretsmanager:db:SecretString:password}}')).toBe(true);
  });

  // The mysql and mariadb images read MYSQL_RANDOM_ROOT_PASSWORD, MYSQL_ALLOW_EMPTY_PASSWORD... as switches
  // ("set to a non-empty value, like yes"); credential variables often name a file (GOOGLE_APPLICATION_CREDENTIALS).
  test('switches (0, 1, enabled, disabled) and file names are not flagged; secrets that resemble them are', () => {
    for (const [name, v] of [['MYSQL_RANDOM_ROOT_PASSWORD', '1'], ['MYSQL_ALLOW_EMPTY_PASSWORD', '0'], ['PASSWORD_AUTH', 'disabled'],
      ['GOOGLE_APPLICATION_CREDENTIALS', 'gcp.json'], ['TLS_PRIVATE_KEY', 'certs/server.key'], ['API_TOKEN', './token.txt'], ['DB_PASSWORD', 'C:\\secrets\\db']]) {
      expect(check(rule, { T: env(name, v) })).toHaveLength(0);
    }
    for (const v of ['10', 'enabled1', 'gcp.json.bak', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig', 'hunter2']) {
      expect(looksLikeSecretValue(v)).toBe(true);
    }
  });

  // A Secrets Manager secret name (DB_PASSWORD_SECRET=prod/db/password) is where the secret lives, not the secret.
  test('lower-case secret names with slashes are not flagged; base64 keys with slashes are', () => {
    for (const v of ['prod/db/password', 'my-app/prod/db-credentials', 'team.a/api_key']) {
      expect(check(rule, { T: env('DB_PASSWORD_SECRET', v) })).toHaveLength(0);
    }
    for (const v of ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'abc/Def', 's3cr3t/', '/']) {
      expect(check(rule, { T: env('AWS_SECRET_ACCESS_KEY', v) })).toHaveLength(v === '/' ? 0 : 1);
    }
  });

  // A dynamic reference is resolved by CloudFormation into the registered task definition, in plain text.
  test('bad: a {{resolve:...}} dynamic reference in a secret variable, named as such', () => {
    const [f] = check(rule, { T: env('DB_PASSWORD', '{{resolve:secretsmanager:db:SecretString:password}}') });
    expect(f.message).toContain('Environment DB_PASSWORD holds a dynamic reference ({{resolve:...}}), whose value CloudFormation writes into the task definition in plain text');
  });

  test('good: a Secrets entry instead of Environment', () => {
    expect(check(rule, { T: taskWith([{ Name: 'app', Image: 'x', Secrets: [{ Name: 'DB_PASSWORD', ValueFrom: 'arn:aws:ssm:eu-west-1:1:parameter/db' }] }]) })).toHaveLength(0);
    expect(check(rule, { T: env('TOKEN_ENDPOINT_URL', 'https://idp/token') })).toHaveLength(0);
  });

  test('skipped: unresolved values (Ref, token, Fn::Join with a Ref)', () => {
    expect(check(rule, { T: env('DB_PASSWORD', { Ref: 'DbPassword' }) })).toHaveLength(0);
    expect(check(rule, { T: env('DB_PASSWORD', TOKEN) })).toHaveLength(0);
    expect(check(rule, { T: env('DB_PASSWORD', { 'Fn::Join': ['', ['x', { Ref: 'P' }]] }) })).toHaveLength(0);
  });

  test('property: any plain value of a password variable is flagged', () => {
    fc.assert(fc.property(fc.stringMatching(/^[A-Za-z0-9!#%*+=?^~-]{8,40}$/), (v) => {
      fc.pre(looksLikeSecretValue(v));
      return check(rule, { T: env('APP_DB_PASSWORD', v) }).length === 1;
    }));
  });
});
