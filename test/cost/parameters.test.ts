import { serviceStack, stack } from './fixtures';
import { withParameterDefaults } from '../../src/cost/parameters';
import { CfnTemplate } from '../../src/rules/model';

describe('withParameterDefaults', () => {
  test('replaces Refs to parameters with a Default and lists them; leaves others alone', () => {
    const t = serviceStack({ cpu: { Ref: 'Cpu' }, memory: { Ref: 'Memory' } }, { desired: { Ref: 'Count' } }) as Record<string, unknown>;
    const template = {
      ...t,
      Parameters: {
        Cpu: { Type: 'Number', Default: 512 },
        Count: { Type: 'Number' },
        Memory: { Type: 'AWS::SSM::Parameter::Value<String>', Default: '/app/memory' },
      },
    } as CfnTemplate;
    const { stack: out, used } = withParameterDefaults(stack(template));
    expect(used).toEqual(['Cpu=512']);
    const task = out.template.Resources!.Task.Properties!;
    expect(task.Cpu).toBe(512);
    // An SSM parameter's Default is a parameter name, not the value.
    expect(task.Memory).toEqual({ Ref: 'Memory' });
    // No Default: left unresolved.
    expect(out.template.Resources!.Service.Properties!.DesiredCount).toEqual({ Ref: 'Count' });
    // The input is not changed.
    expect((template.Resources!.Task.Properties as Record<string, unknown>).Cpu).toEqual({ Ref: 'Cpu' });
  });

  test('a template without Parameters comes back as it was', () => {
    const input = stack(serviceStack({ cpu: 256, memory: 512 }, { desired: 1 }));
    expect(withParameterDefaults(input)).toEqual({ stack: input, used: [] });
  });
});
