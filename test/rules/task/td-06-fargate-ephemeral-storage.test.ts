import * as fc from 'fast-check';
import { TD06_FARGATE_EPHEMERAL_STORAGE as rule } from '../../../src/rules/task/td-06-fargate-ephemeral-storage';
import { check, fargateTask } from '../helpers';
import { serviceOf, TOKEN } from './fixtures';

const storage = (SizeInGiB: unknown) => fargateTask({ EphemeralStorage: { SizeInGiB } });

describe('ECS-TD-06 Fargate ephemeral storage', () => {
  test('bad: 20 GiB (the default cannot be set explicitly) and 250 GiB', () => {
    const [f] = check(rule, { T: storage(20) });
    expect(f).toMatchObject({ ruleId: 'ECS-TD-06', severity: 'error', property: 'Properties/EphemeralStorage/SizeInGiB', value: '20' });
    expect(f.message).toContain('Fargate EphemeralStorage.SizeInGiB 20 is outside the Fargate range');
    expect(f.message).toContain('allowed: 21-200 GiB');
    expect(check(rule, { T: storage('250') })[0].message).toContain('Use at most 200 GiB');
  });

  test('bad: a service on platform version 1.3.0 with ephemeral storage', () => {
    const [f] = check(rule, { T: storage(50), S: serviceOf('T', { PlatformVersion: '1.3.0' }) });
    expect(f).toMatchObject({ logicalId: 'S', property: 'Properties/PlatformVersion' });
    expect(f.message).toContain('does not support the EphemeralStorage of task definition T');
  });

  test('good: in range, EC2-only, LATEST', () => {
    expect(check(rule, { T: storage(21), S: serviceOf('T', { PlatformVersion: 'LATEST' }) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ RequiresCompatibilities: ['EC2'], EphemeralStorage: { SizeInGiB: 10 } }) })).toHaveLength(0);
  });

  test('skipped: unresolved size', () => {
    expect(check(rule, { T: storage(TOKEN) })).toHaveLength(0);
    expect(check(rule, { T: fargateTask({ EphemeralStorage: { 'Fn::If': ['C', { SizeInGiB: 5 }, { Ref: 'AWS::NoValue' }] } }) })).toHaveLength(0);
  });

  test('property: a size passes exactly when it is a whole number from 21 to 200', () => {
    fc.assert(fc.property(fc.integer({ min: -10, max: 400 }), (n) => {
      return check(rule, { T: storage(n) }).length === (n >= 21 && n <= 200 ? 0 : 1);
    }));
    expect(check(rule, { T: storage(21.5) })).toHaveLength(1);
  });
});
