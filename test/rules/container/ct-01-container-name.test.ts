import * as fc from 'fast-check';
import { CT01_CONTAINER_NAME as rule } from '../../../src/rules/container/ct-01-container-name';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const names = (...n: unknown[]) => taskWith(n.map((Name) => ({ Name, Image: 'x' })));

describe('ECS-CT-01 container names', () => {
  test('bad: invalid characters', () => {
    const [f] = check(rule, { T: names('web.app') });
    expect(f).toMatchObject({ ruleId: 'ECS-CT-01', severity: 'error', property: 'Properties/ContainerDefinitions/0/Name', value: '"web.app"' });
    expect(f.message).toContain('container \'web.app\' Name contains "."');
  });

  test('bad: duplicate names, reported on the second', () => {
    const [f, ...rest] = check(rule, { T: names('app', 'sidecar', 'app') });
    expect(rest).toHaveLength(0);
    expect(f.property).toBe('Properties/ContainerDefinitions/2/Name');
    expect(f.message).toContain("container #2 Name 'app' is already used by container #0");
  });

  test('good: distinct valid names', () => {
    expect(check(rule, { T: names('app', 'log_router', 'Proxy-1') })).toHaveLength(0);
  });

  test('skipped: unresolved names', () => {
    expect(check(rule, { T: names({ Ref: 'N' }, { Ref: 'N' }) })).toHaveLength(0);
  });

  test('property: names with any character outside [A-Za-z0-9_-] fail', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('.', ' ', '/', ':', 'é', '@'), (base, bad) => {
      return check(rule, { T: names(`${base}${bad}`) }).length === 1;
    }));
  });
});
