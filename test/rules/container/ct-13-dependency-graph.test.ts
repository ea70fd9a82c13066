import { CT13_DEPENDENCY_GRAPH as rule } from '../../../src/rules/container/ct-13-dependency-graph';
import { check } from '../helpers';
import { taskWith } from '../task/fixtures';

const c = (Name: unknown, ...deps: string[]) => ({ Name, Image: 'x', DependsOn: deps.map((d) => ({ ContainerName: d, Condition: 'START' })) });

describe('ECS-CT-13 dependsOn targets and cycles', () => {
  test('bad: unknown target', () => {
    const [f, ...rest] = check(rule, { T: taskWith([c('app', 'proxy')]) });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-13', severity: 'error', property: 'Properties/ContainerDefinitions/0/DependsOn/0/ContainerName', value: '"proxy"' });
    expect(f.message).toContain("container 'app' depends on container 'proxy', which is not in the task definition");
    expect(f.message).toContain("allowed: 'app'");
  });

  test('bad: a cycle is reported once with its path', () => {
    const findings = check(rule, { T: taskWith([c('c', 'a'), c('a', 'b'), c('b', 'c'), c('d', 'a')]) });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("cycle: 'a' -> 'b' -> 'c' -> 'a'");
    expect(findings[0].property).toBe('Properties/ContainerDefinitions/1/DependsOn/0/ContainerName');
    expect(check(rule, { T: taskWith([c('self', 'self')]) })[0].message).toContain("'self' -> 'self'");
  });

  test('good: a chain without cycles', () => {
    expect(check(rule, { T: taskWith([c('a'), c('b', 'a'), c('c', 'a', 'b')]) })).toHaveLength(0);
  });

  test('skipped: missing targets are not judged when a container name is unresolved', () => {
    expect(check(rule, { T: taskWith([c({ Ref: 'Name' }), c('app', 'proxy')]) })).toHaveLength(0);
  });
});
