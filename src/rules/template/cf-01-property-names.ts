import { likelyMeant, ownerOf, scanShapes, Shape } from './property-shapes';
import { ResourceRule, RuleIssue, Severity } from '../rule';
import { PROPERTY_NAMES } from '../tables/property-names';
import { andList } from '../values';

/** More names than this are not listed in a finding: the reference page lists them. */
const MAX_LISTED = 20;

export const CF01_PROPERTY_NAMES: ResourceRule = {
  id: 'ECS-CF-01',
  title: 'Property names CloudFormation does not know',
  area: 'template',
  severity: Severity.WARNING,
  description: 'Flags a key in the Properties of an ECS or ECR resource, or in one of its nested objects (a container definition, a '
    + 'port mapping, a deployment configuration...), that the resource type\'s CloudFormation schema does not have, and names the '
    + 'property it most likely meant: the same name in another case (task definition JSON and the ECS API use camelCase, '
    + 'CloudFormation PascalCase) or one a typo away. In a CDK app such keys come from addPropertyOverride or addOverride paths; in '
    + 'hand-written templates from typos. Maps (DockerLabels, log Options) and intrinsic functions are not looked into; Fn::If '
    + 'branches are.',
  deployError: 'CloudFormation reports "Properties validation failed for resource ... extraneous key [Entrypoint] is not permitted": '
    + 'the resource fails, or is created without the setting (the container gets no entry point).',
  fix: 'Rename the key to the property it meant (names are case-sensitive), or remove it.',
  source: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/AWS_ECS.html',
  builtInOverlap: ['F3002'],
  resourceTypes: Object.keys(PROPERTY_NAMES),
  check(resource): RuleIssue[] {
    const unknown = scanShapes(resource).unknownKeys;
    return unknown.length === 0 ? [] : unknown.map((k) => unknownKey(k.key, k.value, k.def, k.pointer, resource.type, k.shape));
  },
};

function unknownKey(key: string, value: unknown, def: string, pointer: string, type: string, shape: Shape): RuleIssue {
  const owner = ownerOf(def, type);
  const meant = likelyMeant(key, shape.keys());
  const names = [...shape.keys()];
  const listed = names.length <= MAX_LISTED ? andList(names) : `the ${names.length} properties of ${def || type} in the CloudFormation reference`;
  return {
    property: pointer,
    value,
    problem: `${key} is not a property of ${owner}${meant ? ` (did you mean ${meant}?)` : ''}`,
    allowed: meant ? `${meant}${meant.toLowerCase() === key.toLowerCase() ? ' (names are case-sensitive)' : ''}; all: ${listed}` : listed,
    fix: meant
      ? `Rename ${key} to ${meant} (in CDK, the addPropertyOverride or addOverride path).`
      : `Remove ${key} or use a property ${def || type} has (in CDK, check the addPropertyOverride or addOverride path).`,
  };
}
