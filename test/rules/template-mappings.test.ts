/** Fn::FindInMap with literal keys is resolved before rules read a template (raw templates size tasks through Mappings). */
import { fargateTask } from './helpers';
import { runRules } from '../../src/rules/engine';
import { AssemblyModel } from '../../src/rules/model';
import { TD01_FARGATE_LINUX_SIZE as TD01 } from '../../src/rules/task/td-01-fargate-linux-size';
import { withMappings } from '../../src/rules/template-mappings';

const MAPPINGS = { Sizes: { prod: { Cpu: '1024', Memory: '2048' }, dev: { Cpu: '256', Memory: '512' } }, Names: { x: { y: 'sizes' } } };

test('literal keys resolve, nested lookups too; a parameter key, a missing key and other intrinsics stay', () => {
  expect(withMappings({ Cpu: { 'Fn::FindInMap': ['Sizes', 'prod', 'Cpu'] } }, MAPPINGS)).toEqual({ Cpu: '1024' });
  // The map name itself from a lookup.
  expect(withMappings({ 'Fn::FindInMap': [{ 'Fn::FindInMap': ['Names', 'x', 'y'] }, 'dev', 'Memory'] }, { ...MAPPINGS, sizes: MAPPINGS.Sizes })).toBe('512');
  const byParameter = { 'Fn::FindInMap': ['Sizes', { Ref: 'Env' }, 'Cpu'] };
  expect(withMappings(byParameter, MAPPINGS)).toBe(byParameter);
  expect(withMappings({ 'Fn::FindInMap': ['Sizes', 'test', 'Cpu'] }, MAPPINGS)).toEqual({ 'Fn::FindInMap': ['Sizes', 'test', 'Cpu'] });
  // AWS::LanguageExtensions DefaultValue answers a missing key.
  expect(withMappings({ 'Fn::FindInMap': ['Sizes', 'test', 'Cpu', { DefaultValue: '512' }] }, MAPPINGS)).toBe('512');
  // Nothing to resolve: the same object, not a copy.
  const plain = { A: [{ Ref: 'X' }, 'b'], B: { 'Fn::Sub': '${X}' } };
  expect(withMappings(plain, MAPPINGS)).toBe(plain);
});

test('ECS-TD-01 judges a Fargate size written with Fn::FindInMap (found by a CLI user trial)', () => {
  const template = (memoryKey: string) => ({
    Mappings: MAPPINGS,
    Resources: {
      Task: fargateTask({ Cpu: { 'Fn::FindInMap': ['Sizes', 'prod', 'Cpu'] }, Memory: { 'Fn::FindInMap': ['Sizes', 'prod', memoryKey] } }),
    },
  });
  const run = (memoryKey: string) => runRules(new AssemblyModel([{ name: 'S', template: template(memoryKey) }]), { rules: [TD01] }).map((f) => f.message);
  expect(run('Cpu')).toEqual([expect.stringContaining('[ECS-TD-01] Fargate task cpu 1024 does not allow memory 1024 MiB')]);
  expect(run('Memory')).toEqual([]);
});
