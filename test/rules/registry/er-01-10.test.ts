import * as fc from 'fast-check';
import { ER01_REPOSITORY_NAME as er01 } from '../../../src/rules/registry/er-01-repository-name';
import { ER10_KMS_KEY_ENCRYPTION_TYPE as er10 } from '../../../src/rules/registry/er-10-kms-key-encryption-type';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const repo = (props: Record<string, unknown>) => ({ Type: 'AWS::ECR::Repository', Properties: props });

describe('ECS-ER-01 repository name', () => {
  test('bad: upper case, leading separator, double separator, one character', () => {
    const [f] = check(er01, { R: repo({ RepositoryName: 'My_App' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-01', property: 'Properties/RepositoryName' });
    expect(f.message).toContain('Use e.g. "my_app"');
    for (const name of ['-app', 'team//app', 'a', 'app-']) expect(check(er01, { R: repo({ RepositoryName: name }) })).toHaveLength(1);
  });
  test('messages: the broken limit is named, and a suggested name is itself valid (or none is given)', () => {
    const message = (name: string) => check(er01, { R: repo({ RepositoryName: name }) })[0].message;
    const allowed = 'allowed: 2-256 characters matching (?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*.';
    const noName = 'Choose a name of 2 to 256 lowercase letters and digits, separated by single ., _, - or /.';
    expect(message('a')).toBe(`[ECS-ER-01] repository name "a" is too short (1 character, at least 2) at TestStack/R; ${allowed} ${noName}`);
    expect(message('A')).toBe(`[ECS-ER-01] repository name "A" is too short (1 character, at least 2); it contains the character "A" (only lowercase letters, digits, . _ - and / are allowed) at TestStack/R; ${allowed} ${noName}`);
    expect(message('__')).toContain(`has a separator (. _ - /) at the start or end, or two in a row at TestStack/R; ${allowed} ${noName}`);
    const long = 'a'.repeat(257);
    expect(message(long)).toBe(`[ECS-ER-01] repository name "${'a'.repeat(116)}... is too long (257 characters, at most 256) at TestStack/R; ${allowed} Use e.g. "${'a'.repeat(256)}".`);
    expect(message('Team//Web_App-')).toContain('contains the characters "T" "W" "A" (only lowercase letters, digits, . _ - and / are allowed); it has a separator (. _ - /) at the start or end, or two in a row');
    expect(message('Team//Web_App-')).toContain('Use e.g. "team/web_app".');
  });
  test('property: every suggested name passes the rule itself', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 300 }), fc.stringMatching(/^[a-zA-Z0-9._/ -]{0,300}$/)), (name) => {
      const [f] = check(er01, { R: repo({ RepositoryName: name }) });
      const suggested = f?.message.match(/Use e\.g\. (".*")\.$/)?.[1];
      return suggested === undefined || check(er01, { R: repo({ RepositoryName: JSON.parse(suggested) }) }).length === 0;
    }));
  });
  test('good: team/web-app, a.b_c-d', () => {
    for (const name of ['team/web-app', 'a.b_c-d', 'ab']) expect(check(er01, { R: repo({ RepositoryName: name }) })).toEqual([]);
  });
  test('skipped: token or generated name', () => {
    expect(check(er01, { R: repo({ RepositoryName: TOKEN }) })).toEqual([]);
    expect(check(er01, { R: repo({}) })).toEqual([]);
  });
  test('property: lowercase alphanumeric names of 2-256 characters pass', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z0-9]{2,256}$/), (name) => check(er01, { R: repo({ RepositoryName: name }) }).length === 0));
  });
});

describe('ECS-ER-10 KMS key needs KMS encryption', () => {
  test('bad: KmsKey with AES256 or no type', () => {
    const [f] = check(er10, { R: repo({ EncryptionConfiguration: { EncryptionType: 'AES256', KmsKey: 'arn:aws:kms:us-east-1:1:key/k' } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-ER-10', property: 'Properties/EncryptionConfiguration/KmsKey' });
    expect(check(er10, { R: repo({ EncryptionConfiguration: { KmsKey: 'k' } }) })[0].message).toContain('(default)');
  });
  test('good: KMS, KMS_DSSE', () => {
    for (const t of ['KMS', 'KMS_DSSE']) expect(check(er10, { R: repo({ EncryptionConfiguration: { EncryptionType: t, KmsKey: 'k' } }) })).toEqual([]);
  });
  test('skipped: token type', () => expect(check(er10, { R: repo({ EncryptionConfiguration: { EncryptionType: TOKEN, KmsKey: 'k' } }) })).toEqual([]));
});
