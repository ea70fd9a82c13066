/**
 * YAML CloudFormation templates, including the short-form intrinsics
 * (!Ref, !GetAtt, !Sub, ...), read into the same JSON shape CloudFormation uses.
 *
 * The strict YAML 1.2 parser (`yaml`) reads first. CloudFormation's own parser
 * is more lenient (e.g. multi-line quoted scalars whose continuation lines are
 * not indented past their key, as in AWS's ecs-refarch-mixed-mode sample), so
 * text that `yaml` rejects is read again with js-yaml, whose PyYAML-style
 * scanner accepts what CloudFormation and cfn-lint accept. Only text that both
 * reject is bad input.
 */
import * as jsYaml from 'js-yaml';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLMap, YAMLSeq } from 'yaml';
import type { CollectionTag, ScalarTag } from 'yaml';
import { asTemplate, InputError } from '../rules/assembly-loader';
import { CfnTemplate } from '../rules/model';

const FUNCTIONS = [
  'Base64', 'Cidr', 'FindInMap', 'GetAZs', 'If', 'ImportValue', 'Join', 'Select', 'Split', 'Sub', 'Transform',
  'Equals', 'And', 'Or', 'Not', 'ToJsonString', 'Length', 'ForEach',
];

function fnName(name: string): string {
  return name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`;
}

function tagsFor(name: string): (ScalarTag | CollectionTag)[] {
  const key = fnName(name);
  const scalar: ScalarTag = {
    tag: `!${name}`,
    resolve: (value: string) => {
      // !GetAtt Res.Attr is the short form of [Res, Attr].
      if (name === 'GetAtt') {
        const dot = value.indexOf('.');
        return { [key]: dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : value };
      }
      return { [key]: value };
    },
  };
  const seq: CollectionTag = {
    tag: `!${name}`,
    collection: 'seq',
    resolve: (value) => ({ [key]: (value as YAMLSeq).toJSON() }) as unknown as YAMLSeq,
  };
  const map: CollectionTag = {
    tag: `!${name}`,
    collection: 'map',
    resolve: (value) => ({ [key]: (value as YAMLMap).toJSON() }) as unknown as YAMLMap,
  };
  return [scalar, seq, map];
}

const CUSTOM_TAGS = ['Ref', 'GetAtt', 'Condition', ...FUNCTIONS].flatMap(tagsFor);

/** The same short-form intrinsics for js-yaml. */
function jsYamlTypes(name: string): jsYaml.Type[] {
  const key = fnName(name);
  const scalar = new jsYaml.Type(`!${name}`, {
    kind: 'scalar',
    construct: (value: string | null) => {
      const text = value ?? '';
      if (name === 'GetAtt') {
        const dot = text.indexOf('.');
        return { [key]: dot > 0 ? [text.slice(0, dot), text.slice(dot + 1)] : text };
      }
      return { [key]: text };
    },
  });
  const seq = new jsYaml.Type(`!${name}`, { kind: 'sequence', construct: (value: unknown[] | null) => ({ [key]: value ?? [] }) });
  const map = new jsYaml.Type(`!${name}`, { kind: 'mapping', construct: (value: object | null) => ({ [key]: value ?? {} }) });
  return [scalar, seq, map];
}

const CFN_SCHEMA = jsYaml.DEFAULT_SCHEMA.extend(['Ref', 'GetAtt', 'Condition', ...FUNCTIONS].flatMap(jsYamlTypes));

/** Lenient second reading; undefined when js-yaml rejects the text too. */
function parseLenient(text: string): unknown {
  try {
    // json: later duplicate keys win, as with the strict reader (uniqueKeys: false).
    return jsYaml.load(text, { schema: CFN_SCHEMA, json: true });
  } catch {
    return undefined;
  }
}

/**
 * js-yaml shares an aliased node instead of copying it and has no alias
 * limit: a billion-laughs document or an alias to its own ancestor reads
 * fine but makes a graph that rules would walk exponentially or forever.
 * Count the values a full walk would visit, up to a budget.
 */
const MAX_EXPANDED_VALUES = 1_000_000;

function expandsPast(value: unknown, budget: number): boolean {
  const stack: unknown[] = [value];
  let seen = 0;
  while (stack.length > 0) {
    const v = stack.pop();
    if (++seen > budget) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push(child);
  }
  return false;
}

/**
 * On a template read from YAML: the number of aliases (`*name`, also in `<<: *name` merge keys) it held.
 * CloudFormation rejects a template body with aliases ("YAML aliases are not allowed in CloudFormation
 * templates"); `aws cloudformation package` and SAM expand them first. The kit expands them too, so the
 * CLI says so instead of passing a template that create-stack would reject.
 */
export const YAML_ALIASES = Symbol('YAML aliases');

/** The aliases parseYamlTemplate expanded in `template` (0 for JSON and alias-free YAML). */
export function yamlAliases(template: CfnTemplate): number {
  return (template as unknown as Record<symbol, number | undefined>)[YAML_ALIASES] ?? 0;
}

function aliasCount(doc: Parameters<typeof visit>[0]): number {
  let aliases = 0;
  // The strict parse's nodes, also when js-yaml reads the text: its errors leave the aliases it saw.
  visit(doc, { Alias: () => { aliases++; } });
  return aliases;
}

function withAliases(template: CfnTemplate, aliases: number): CfnTemplate {
  // A symbol: not part of the template's JSON (sizes, snapshots).
  if (aliases > 0) Object.defineProperty(template, YAML_ALIASES, { value: aliases, enumerable: false });
  return template;
}

/** Parse YAML template text. */
export function parseYamlTemplate(text: string, file: string): CfnTemplate {
  try {
    return parse(text, file);
  } catch (e) {
    // The parsers recurse per nesting level.
    if (e instanceof RangeError) throw new InputError(file, 'invalid YAML (nested too deeply to read)');
    throw e;
  }
}

function parse(text: string, file: string): CfnTemplate {
  const lineCounter = new LineCounter();
  // logLevel error: a map key that is itself a map (Helm templates) would print a Node warning; such a file is no template anyway.
  const doc = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false, lineCounter, merge: true, logLevel: 'error' });
  if (doc.errors.length > 0) {
    const lenient = parseLenient(text);
    if (lenient !== undefined && lenient !== null && typeof lenient === 'object') {
      if (expandsPast(lenient, MAX_EXPANDED_VALUES)) {
        throw new InputError(file, `invalid YAML (aliases expand to more than ${MAX_EXPANDED_VALUES} values, or refer to themselves)`);
      }
      return withAliases(asTemplate(lenient, file), aliasCount(doc));
    }
    const e = doc.errors[0];
    const where = ` at line ${lineCounter.linePos(e.pos[0]).line}`;
    const problem = e.message.includes('Maximum call stack size exceeded') ? 'nested too deeply to read'
      // Kubernetes manifests often hold several documents; the parser's own text names its API.
      : e.code === 'MULTIPLE_DOCS' ? 'more than one document, separated by ---; a template is one document'
        : e.message.split('\n')[0];
    throw new InputError(file, `invalid YAML${where} (${problem})`);
  }
  let json: unknown;
  try {
    json = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    if (e instanceof RangeError) throw e;
    throw new InputError(file, `invalid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  return withAliases(asTemplate(json, file), aliasCount(doc));
}

/**
 * A locator over a JSON or YAML text, for SARIF regions: the 1-based line of the deepest key of `keys` (map keys and
 * sequence indexes) found, or undefined when the text does not parse or the first key is missing. Parsed once.
 */
export function sourceLocator(text: string): (keys: readonly (string | number)[]) => number | undefined {
  const lineCounter = new LineCounter();
  let root: unknown;
  try {
    root = parseDocument(text, { customTags: CUSTOM_TAGS, uniqueKeys: false, prettyErrors: false, lineCounter, merge: true }).contents;
  } catch {
    return () => undefined;
  }
  return (keys) => {
    let node = root;
    let offset: number | undefined;
    for (const key of keys) {
      let next: { at?: number; value: unknown } | undefined;
      if (isMap(node)) {
        const pair = node.items.find((p) => (isScalar(p.key) ? p.key.value : p.key) === key);
        if (pair) next = { at: isScalar(pair.key) ? pair.key.range?.[0] : undefined, value: pair.value };
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key];
        if (item !== undefined) next = { at: (item as { range?: [number] }).range?.[0], value: item };
      }
      if (!next || next.at === undefined) break;
      offset = next.at;
      node = next.value;
    }
    return offset === undefined ? undefined : lineCounter.linePos(offset).line;
  };
}
