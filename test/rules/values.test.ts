import * as fc from 'fast-check';
import {
  andList, isRootUser, matchesWildcard, once, orList, parseCpuUnits, parseMemoryMiB, policyStatements, show, toBool, toNumber, toObject, toStr,
} from '../../src/rules/values';

describe('template values', () => {
  test('numbers and strings: tokens and intrinsics are unresolved, never guessed', () => {
    expect(toNumber('512')).toBe(512);
    expect(toNumber(' 0.5 ')).toBe(0.5);
    expect(toNumber('512 MiB')).toBeUndefined();
    expect(toNumber(-1.8881545897087626e+289)).toBeUndefined();
    expect(toStr('${Token[TOKEN.12]}')).toBeUndefined();
    expect(toStr('{{resolve:ssm:/app/image}}')).toBeUndefined();
    expect(toStr(80)).toBe('80');
    expect(toBool('false')).toBe(false);
    expect(toBool('no')).toBeUndefined();
    expect(toObject({ Ref: 'Param' })).toBeUndefined();
    expect(toObject({ Ref: 'x', Other: 1 })).toEqual({ Ref: 'x', Other: 1 });
  });

  test('cpu and memory as ECS reads them', () => {
    expect(parseCpuUnits('0.25 vCPU')).toBe(256);
    expect(parseCpuUnits('2vcpu')).toBe(2048);
    expect(parseCpuUnits('two')).toBeUndefined();
    expect(parseMemoryMiB('2 GB')).toBe(2048);
    expect(parseMemoryMiB('1024 MiB')).toBe(1024);
    expect(parseMemoryMiB('2 TB')).toBeUndefined();
  });

  test('wildcards match like a RegExp of .* between literal parts', () => {
    const text = (maxLength: number) => fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength });
    fc.assert(fc.property(fc.array(text(4), { minLength: 1, maxLength: 4 }), text(10), (parts, t) => {
      const pattern = parts.join('*');
      const regex = new RegExp(`^${parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
      expect(matchesWildcard(pattern, t)).toBe(regex.test(t));
    }));
    expect(matchesWildcard('ECR:Get*', 'ecr:GetAuthorizationToken', true)).toBe(true);
  });

  test('lists and shown values read as text', () => {
    expect(orList([])).toBe('');
    expect(orList([1])).toBe('1');
    expect(orList([1, 2, 3])).toBe('1, 2 or 3');
    expect(andList(['a', 'b'])).toBe('a and b');
    expect(show('x'.repeat(200))).toHaveLength(120);
    expect(show(undefined)).toBe('undefined');
  });

  test('root users in every form ECS accepts; other users and none are not root', () => {
    for (const user of ['root', '0', 'root:wheel', '0:0']) expect(isRootUser(user)).toBe(true);
    for (const user of ['1000', '101:101', 'rootless', '00', 'app:0', undefined]) expect(isRootUser(user)).toBe(false);
  });

  test('policy statements: a list, one statement object, or unreadable', () => {
    const allow = { Effect: 'Allow', Action: 'kms:*', Resource: '*' };
    expect(policyStatements({ Version: '2012-10-17', Statement: [allow] })).toEqual([allow]);
    expect(policyStatements({ Statement: allow })).toEqual([allow]);
    expect(policyStatements({ Statement: { 'Fn::If': ['C', allow, allow] } })).toBeUndefined();
    expect(policyStatements({ 'Fn::If': ['C', {}, {}] })).toBeUndefined();
    expect(policyStatements(undefined)).toBeUndefined();
  });

  test('once computes on the first call only, even when the value is undefined', () => {
    let calls = 0;
    const value = once(() => {
      calls++;
      return undefined;
    });
    expect(value()).toBeUndefined();
    expect(value()).toBeUndefined();
    expect(calls).toBe(1);
  });
});
