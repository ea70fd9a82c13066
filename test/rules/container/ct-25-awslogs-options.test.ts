import { CT25_AWSLOGS_OPTIONS as rule } from '../../../src/rules/container/ct-25-awslogs-options';
import { check } from '../helpers';
import { taskWith, TOKEN } from '../task/fixtures';

const logs = (LogConfiguration: unknown) => taskWith([{ Name: 'app', Image: 'x', LogConfiguration }]);
const good = { 'awslogs-group': 'g', 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': 'app' };

describe('ECS-CT-25 awslogs options', () => {
  test('bad: no Options at all (cfn-lint E3046)', () => {
    const [f] = check(rule, { T: logs({ LogDriver: 'awslogs' }) });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-25', severity: 'error', property: 'Properties/ContainerDefinitions/0/LogConfiguration/Options' });
    expect(f.message).toContain("container 'app' uses the awslogs log driver without awslogs-group and awslogs-region");
  });

  test('bad: region missing; unknown option name', () => {
    expect(check(rule, { T: logs({ LogDriver: 'awslogs', Options: { 'awslogs-group': 'g' } }) })[0].message).toContain('without awslogs-region');
    const [f] = check(rule, { T: logs({ LogDriver: 'awslogs', Options: { ...good, 'awslogs-stream-prefx': 'x' } }) });
    expect(f.message).toContain('unknown awslogs option awslogs-stream-prefx');
  });

  test('bad: a mode Docker does not know (found by a user trial); good: blocking, non-blocking, a parameter', () => {
    const [f, ...rest] = check(rule, { T: logs({ LogDriver: 'awslogs', Options: { ...good, mode: 'async' } }) });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ property: 'Properties/ContainerDefinitions/0/LogConfiguration/Options/mode', value: '"async"' });
    expect(f.message).toContain('sets awslogs option mode "async", which Docker does not know at TestStack/T; allowed: mode "blocking" (the default) or "non-blocking". Set mode to "non-blocking"');
    for (const mode of ['blocking', 'non-blocking', { Ref: 'Mode' }]) expect(check(rule, { T: logs({ LogDriver: 'awslogs', Options: { ...good, mode } }) })).toEqual([]);
  });

  test('good: group and region (literal or Ref), other drivers untouched', () => {
    expect(check(rule, { T: logs({ LogDriver: 'awslogs', Options: good }) })).toEqual([]);
    expect(check(rule, { T: logs({ LogDriver: 'awslogs', Options: { 'awslogs-group': 'g', 'awslogs-region': 'us-east-1', 'mode': 'non-blocking', 'max-buffer-size': '25m' } }) })).toEqual([]);
    expect(check(rule, { T: logs({ LogDriver: 'splunk', Options: { 'splunk-url': 'u' } }) })).toEqual([]);
  });

  // Docker's awslogs driver documents both (https://docs.docker.com/engine/logging/drivers/awslogs/).
  test('good: awslogs-max-buffered-events and awslogs-force-flush-interval-seconds', () => {
    const options = { ...good, 'awslogs-max-buffered-events': '10000', 'awslogs-force-flush-interval-seconds': '1' };
    expect(check(rule, { T: logs({ LogDriver: 'awslogs', Options: options }) })).toEqual([]);
  });

  test('skipped: token driver or options', () => {
    expect(check(rule, { T: logs({ LogDriver: TOKEN }) })).toEqual([]);
    expect(check(rule, { T: logs({ LogDriver: 'awslogs', Options: { 'Fn::If': ['C', good, good] } }) })).toEqual([]);
  });
});
