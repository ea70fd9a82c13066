import { CT14_LINKS_BRIDGE_ONLY as ct14 } from '../../../src/rules/container/ct-14-links-bridge-only';
import { CT19_RESTART_POLICY as ct19 } from '../../../src/rules/container/ct-19-restart-policy';
import { CT20_ONE_CREDENTIAL_SPEC as ct20 } from '../../../src/rules/container/ct-20-one-credential-spec';
import { CT21_ONE_FIRELENS_ROUTER as ct21 } from '../../../src/rules/container/ct-21-one-firelens-router';
import { check } from '../helpers';
import { ec2TaskWith, taskWith, TOKEN } from '../task/fixtures';

const c = (extra: Record<string, unknown>, name = 'app') => ({ Name: name, Image: 'x', Memory: 256, ...extra });

describe('ECS-CT-14 links only in bridge mode', () => {
  test('bad: links in awsvpc (Fargate) and host mode', () => {
    const [f] = check(ct14, { T: taskWith([c({ Links: ['db'] }), c({}, 'db')]) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-14', property: 'Properties/ContainerDefinitions/0/Links' });
    expect(f.message).toContain("container 'app' sets Links in network mode awsvpc");
    expect(check(ct14, { T: ec2TaskWith([c({ Links: ['db'] })], { NetworkMode: 'host' }) })).toHaveLength(1);
  });
  test('good: bridge (explicit or omitted), no links', () => {
    expect(check(ct14, { T: ec2TaskWith([c({ Links: ['db'] })]) })).toEqual([]);
    expect(check(ct14, { T: ec2TaskWith([c({ Links: ['db'] })], { NetworkMode: 'bridge' }) })).toEqual([]);
    expect(check(ct14, { T: taskWith([c({ Links: [] })]) })).toEqual([]);
  });
  test('skipped: token network mode or links', () => {
    expect(check(ct14, { T: ec2TaskWith([c({ Links: ['db'] })], { NetworkMode: TOKEN }) })).toEqual([]);
    expect(check(ct14, { T: taskWith([c({ Links: { Ref: 'L' } })]) })).toEqual([]);
  });
});

describe('ECS-CT-19 restart policy', () => {
  const policy = (RestartPolicy: Record<string, unknown>) => ({ T: taskWith([c({ RestartPolicy: { Enabled: true, ...RestartPolicy } })]) });
  test('bad: attempt period 30, 51 exit codes', () => {
    const [f] = check(ct19, policy({ RestartAttemptPeriod: 30 }));
    expect(f).toMatchObject({ ruleId: 'ECS-CT-19', property: 'Properties/ContainerDefinitions/0/RestartPolicy/RestartAttemptPeriod' });
    expect(f.message).toContain('whole seconds from 60 to 1800');
    expect(check(ct19, policy({ IgnoredExitCodes: Array.from({ length: 51 }, (_, i) => i) }))[0].message).toContain('lists 51 IgnoredExitCodes');
  });
  test('good: 60, 1800, 50 codes, no policy', () => {
    expect(check(ct19, policy({ RestartAttemptPeriod: 60 }))).toEqual([]);
    expect(check(ct19, policy({ RestartAttemptPeriod: '1800', IgnoredExitCodes: Array.from({ length: 50 }, (_, i) => i) }))).toEqual([]);
    expect(check(ct19, { T: taskWith([c({})]) })).toEqual([]);
  });
  test('skipped: token values', () => {
    expect(check(ct19, policy({ RestartAttemptPeriod: TOKEN, IgnoredExitCodes: { Ref: 'Codes' } }))).toEqual([]);
  });
});

describe('ECS-CT-20 one credential spec per container', () => {
  test('bad: two specs', () => {
    const [f] = check(ct20, { T: ec2TaskWith([c({ CredentialSpecs: ['credentialspec:arn:aws:s3:::b/a.json', 'credentialspec:arn:aws:s3:::b/b.json'] })]) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-20', property: 'Properties/ContainerDefinitions/0/CredentialSpecs' });
  });
  test('good: one spec; none', () => {
    expect(check(ct20, { T: ec2TaskWith([c({ CredentialSpecs: ['credentialspec:arn:aws:s3:::b/a.json'] })]) })).toEqual([]);
    expect(check(ct20, { T: ec2TaskWith([c({})]) })).toEqual([]);
  });
  test('skipped: token list', () => expect(check(ct20, { T: ec2TaskWith([c({ CredentialSpecs: { 'Fn::Split': [',', 'a,b'] } })]) })).toEqual([]));
});

describe('ECS-CT-21 one FireLens log router per task', () => {
  const router = (name: string) => c({ FirelensConfiguration: { Type: 'fluentbit' } }, name);
  test('bad: two routers', () => {
    const [f] = check(ct21, { T: taskWith([router('log1'), router('log2'), c({})]) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-21', property: 'Properties/ContainerDefinitions/1/FirelensConfiguration' });
    expect(f.message).toContain("2 containers have a FirelensConfiguration (container 'log1', container 'log2')");
  });
  test('good: one router', () => expect(check(ct21, { T: taskWith([router('log'), c({ LogConfiguration: { LogDriver: 'awsfirelens' } })]) })).toEqual([]));
  test('skipped: unresolved container list', () => expect(check(ct21, { T: taskWith(TOKEN as any) })).toEqual([]));
});
