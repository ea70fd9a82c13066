import { CT22_EXEC_READONLY_ROOT as rule } from '../../../src/rules/container/ct-22-exec-readonly-root';
import { check } from '../helpers';
import { serviceOf, taskWith } from '../task/fixtures';

const task = (extra: Record<string, unknown> = {}) => taskWith([
  { Name: 'app', Image: 'x', ReadonlyRootFilesystem: true, ...extra },
  { Name: 'sidecar', Image: 'x' },
]);

describe('ECS-CT-22 ECS Exec with a read-only root file system', () => {
  test('bad: exec enabled, app container read-only (a warning: it deploys, exec fails)', () => {
    const [f, ...rest] = check(rule, { T: task(), S: serviceOf('T', { EnableExecuteCommand: true }) });
    expect(rest).toHaveLength(0);
    expect(f).toMatchObject({ ruleId: 'ECS-CT-22', severity: 'warning', logicalId: 'S', property: 'Properties/EnableExecuteCommand', value: 'true' });
    // The task definition by its construct path (here the stack/logical id of a template without paths), not its logical id alone.
    expect(f.message).toContain("EnableExecuteCommand is true but container 'app' of task definition TestStack/T sets ReadonlyRootFilesystem true");
    expect(f.message).toContain('mount writable volumes at /var/lib/amazon/ssm and /var/log/amazon/ssm');
  });

  test('good: exec off; writable volumes over the SSM agent directories', () => {
    expect(check(rule, { T: task(), S: serviceOf('T', { EnableExecuteCommand: false }) })).toHaveLength(0);
    const mounts = { MountPoints: [{ SourceVolume: 'a', ContainerPath: '/var/lib/amazon' }, { SourceVolume: 'b', ContainerPath: '/var/log/amazon/' }] };
    expect(check(rule, { T: task(mounts), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(0);
    const ssm = { MountPoints: [{ SourceVolume: 'a', ContainerPath: '/var/lib/amazon/ssm' }, { SourceVolume: 'b', ContainerPath: '/var/log/amazon/ssm' }] };
    expect(check(rule, { T: task(ssm), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(0);
    const readOnlyMounts = { MountPoints: mounts.MountPoints.map((m) => ({ ...m, ReadOnly: true })) };
    expect(check(rule, { T: task(readOnlyMounts), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(1);
  });

  test('good: a read-only init container that exits before the others start; bad: the same container when nothing awaits it', () => {
    const init = (condition: string) => taskWith([
      { Name: 'scratch-init', Image: 'x', Essential: false, ReadonlyRootFilesystem: true },
      { Name: 'app', Image: 'x', DependsOn: [{ ContainerName: 'scratch-init', Condition: condition }] },
    ]);
    expect(check(rule, { T: init('SUCCESS'), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(0);
    expect(check(rule, { T: init('COMPLETE'), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(0);
    expect(check(rule, { T: init('START'), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(1);
  });

  test('skipped: unresolved flag or task definition', () => {
    expect(check(rule, { T: task(), S: serviceOf('T', { EnableExecuteCommand: { Ref: 'Exec' } }) })).toHaveLength(0);
    expect(check(rule, { S: serviceOf('T', { EnableExecuteCommand: true, TaskDefinition: { Ref: 'TaskArnParam' } }) })).toHaveLength(0);
    expect(check(rule, { T: task({ ReadonlyRootFilesystem: { Ref: 'Ro' } }), S: serviceOf('T', { EnableExecuteCommand: true }) })).toHaveLength(0);
  });
});
