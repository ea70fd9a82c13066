/** ECS-RP-01 over names built with Fn::Sub / Fn::Join around parameters (found by a CLI user trial). */
import { AssemblyModel, CfnTemplate } from '../../../src/rules/model';
import { replacementFindings } from '../../../src/rules/replacement/replacement-guard';
import { stringShape } from '../../../src/rules/replacement/string-shape';

const cluster = (name: unknown): CfnTemplate => ({
  Parameters: { Env: { Type: 'String' }, Other: { Type: 'String' } },
  Resources: { Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: name } } },
});
const findings = (before: unknown, after: unknown) => replacementFindings(
  new AssemblyModel([{ name: 'S', template: cluster(before) }]), new AssemblyModel([{ name: 'S', template: cluster(after) }]),
).map((f) => f.message);

test('a different literal around the same parameters is a replacement', () => {
  expect(findings({ 'Fn::Sub': 'orders-${Env}' }, { 'Fn::Sub': 'orders-v2-${Env}' }))
    .toEqual([expect.stringContaining('[ECS-RP-01] Changing ClusterName from {"Fn::Sub":"orders-${Env}"} to {"Fn::Sub":"orders-v2-${Env}"} replaces')]);
  expect(findings({ 'Fn::Join': ['-', ['orders', { Ref: 'Env' }]] }, { 'Fn::Join': ['-', ['orders', 'v2', { Ref: 'Env' }]] })).toHaveLength(1);
});

test('the same string written another way, another parameter, or a literal only change is not guessed', () => {
  // Fn::Join and Fn::Sub of the same text: the same name.
  expect(findings({ 'Fn::Join': ['-', ['orders', { Ref: 'Env' }]] }, { 'Fn::Sub': 'orders-${Env}' })).toEqual([]);
  expect(findings({ 'Fn::Sub': ['orders-${E}', { E: { Ref: 'Env' } }] }, { 'Fn::Sub': 'orders-${Env}' })).toEqual([]);
  // Another parameter may hold the same value: undecided.
  expect(findings({ 'Fn::Sub': 'orders-${Env}' }, { 'Fn::Sub': 'orders-${Other}' })).toEqual([]);
  expect(findings({ 'Fn::If': ['C', 'a', 'b'] }, { 'Fn::If': ['C', 'a', 'c'] })).toEqual([]);
});

test('stringShape: ${!Literal}, attributes, nested joins', () => {
  const stack = new AssemblyModel([{ name: 'S', template: cluster('x') }]).stacks[0];
  expect(stringShape({ 'Fn::Sub': 'a-${!Lit}-${Res.Arn}' }, stack)).toEqual({ text: 'a-${Lit}-\u0000', holes: ['{"Fn::GetAtt":["Res","Arn"]}'] });
  expect(stringShape({ 'Fn::Join': ['', ['a', { 'Fn::Join': ['-', ['b', 'c']] }]] }, stack)).toEqual({ text: 'ab-c', holes: [] });
  expect(stringShape({ 'Fn::Select': [0, ['a']] }, stack)).toBeUndefined();
});
