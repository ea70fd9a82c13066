import { EX03_EXEC_LOGGING as rule } from '../../../src/rules/cluster/ex-03-exec-logging';
import { check } from '../helpers';
import { TOKEN } from '../task/fixtures';

const cluster = (ExecuteCommandConfiguration: Record<string, unknown>) => ({ Type: 'AWS::ECS::Cluster', Properties: { Configuration: { ExecuteCommandConfiguration } } });

describe('ECS-EX-03 ECS Exec logging configuration', () => {
  test('bad: LogConfiguration with DEFAULT logging; OVERRIDE without it; S3 encryption without bucket', () => {
    const [f] = check(rule, { C: cluster({ Logging: 'DEFAULT', LogConfiguration: { CloudWatchLogGroupName: 'g' } }) });
    expect(f).toMatchObject({ ruleId: 'ECS-EX-03', property: 'Properties/Configuration/ExecuteCommandConfiguration/LogConfiguration' });
    expect(check(rule, { C: cluster({ Logging: 'OVERRIDE' }) })[0].message).toContain('OVERRIDE without LogConfiguration');
    expect(check(rule, { C: cluster({ Logging: 'OVERRIDE', LogConfiguration: { S3EncryptionEnabled: true, CloudWatchLogGroupName: 'g' } }) })[0].message).toContain('S3EncryptionEnabled is true without S3BucketName');
  });
  test('good: OVERRIDE with destinations; DEFAULT alone', () => {
    expect(check(rule, { C: cluster({ Logging: 'OVERRIDE', LogConfiguration: { S3BucketName: 'b', S3EncryptionEnabled: true, CloudWatchLogGroupName: 'g', CloudWatchEncryptionEnabled: true } }) })).toEqual([]);
    expect(check(rule, { C: cluster({ Logging: 'DEFAULT' }) })).toEqual([]);
  });
  test('skipped: token logging mode', () => expect(check(rule, { C: cluster({ Logging: TOKEN, LogConfiguration: { S3BucketName: 'b' } }) })).toEqual([]));
});
