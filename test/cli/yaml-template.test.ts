import * as fs from 'fs';
import * as path from 'path';
import { runCli as run } from './run-cli';
import { parseYamlTemplate } from '../../src/cli/yaml-template';
import { InputError } from '../../src/rules/assembly-loader';

const FIX = path.join(__dirname, '..', 'fixtures', 'templates');


describe('YAML as CloudFormation reads it', () => {
  test('a multi-line quoted scalar under-indented below its key is read, with short-form intrinsics', () => {
    const file = path.join(FIX, 'good', 'multiline-quoted.yaml');
    const t = parseYamlTemplate(fs.readFileSync(file, 'utf8'), file) as any;
    expect(t.Metadata.License.Description).toBe('Copyright line one, line two');
    expect(t.Resources.Service.Properties.Cluster).toEqual({ Ref: 'Cluster' });
    expect(t.Resources.TaskDef.Properties.ContainerDefinitions[0].Image).toEqual({ 'Fn::Sub': '${AWS::AccountId}.dkr.ecr.${AWS::Region}.amazonaws.com/web:1' });
    expect(t.Outputs.ClusterArn.Value).toEqual({ 'Fn::GetAtt': ['Cluster', 'Arn'] });
    expect(t.Resources.Service.Properties.NetworkConfiguration.AwsvpcConfiguration.Subnets).toEqual([{ Ref: 'Subnet' }]);
  });

  test('merge keys (<<: *anchor) are expanded, as SAM and `aws cloudformation package` do before CloudFormation reads the template', () => {
    const text = [
      'Resources:',
      '  TaskDef:',
      '    Type: AWS::ECS::TaskDefinition',
      '    Properties:',
      '      ContainerDefinitions:',
      '        - &base',
      '          Name: web',
      '          Image: public.ecr.aws/nginx/nginx:1.27',
      '          Memory: 512',
      '        - <<: *base',
      '          Name: worker',
    ].join('\n');
    const t = parseYamlTemplate(text, 'merge.yaml') as any;
    expect(t.Resources.TaskDef.Properties.ContainerDefinitions[1]).toEqual({ Name: 'worker', Image: 'public.ecr.aws/nginx/nginx:1.27', Memory: 512 });
  });

  test('the lenient reading gives the same JSON as the strict one for a template both accept', () => {
    const strictText = fs.readFileSync(path.join(FIX, 'good', 'multiline-quoted.yaml'), 'utf8').replace("'Copyright line one,\n    line two'", "'Copyright line one, line two'");
    const strict = parseYamlTemplate(strictText, 'strict.yaml');
    const lenientText = `${strictText}\nBroken: 'x\n  y'\n`.replace("Broken: 'x\n  y'", "Extra: 'a\nb'");
    const lenient = parseYamlTemplate(lenientText, 'lenient.yaml') as any;
    expect({ ...lenient, Extra: undefined }).toEqual({ ...strict, Extra: undefined });
    expect(lenient.Extra).toBe('a b');
  });

  test('the CLI checks such a template: exit 0 when clean, findings when not', () => {
    expect(run('check', path.join(FIX, 'good', 'multiline-quoted.yaml')).code).toBe(0);
    const bad = run('check', '--format', 'json', path.join(FIX, 'bad', 'multiline-quoted-placement.yaml'));
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).findings.map((f: any) => f.ruleId)).toEqual(['ECS-TD-10']);
  });

  test('text that both readers reject is still bad input', () => {
    expect(() => parseYamlTemplate('Resources:\n  A:\n    Type: x\n   Properties: [', 'broken.yaml')).toThrow(InputError);
    expect(() => parseYamlTemplate("Resources: 'open\n", 'open.yaml')).toThrow(/invalid YAML at line/);
  });
});
