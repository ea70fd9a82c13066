/**
 * Writes src/rules/tables/property-names.ts: the property names CloudFormation accepts in each ECS and ECR
 * resource type, nested definitions included, and src/rules/tables/property-enums.ts: the values allowed for
 * those properties whose schema is a string enum (or a list of one), keyed by the same definition names. Both
 * come from the resource provider schemas that aws-cdk-lib's bundled validator ships
 * (scripts/validator-schemas.ts). Run:
 *   npx ts-node --transpile-only --project scripts/tsconfig.json scripts/gen-property-names.ts
 */
import * as fs from 'fs';
import * as path from 'path';
import { PropertySchemaJson, ROOT, validatorSchemas } from './validator-schemas';

const OUT = path.join(ROOT, 'src/rules/tables/property-names.ts');
const ENUMS_OUT = path.join(ROOT, 'src/rules/tables/property-enums.ts');
const TYPE = /^AWS::(ECS|ECR)::/;

const { version, schemas } = validatorSchemas();

/** A property's schema with the enum the reader's type leaves out. */
type Schemas = Record<string, PropertySchemaJson & { readonly enum?: readonly unknown[] }>;

/** Per definition ('' = Properties), the space-separated values of each property with a string enum. */
type Enums = Map<string, Map<string, string>>;

/** A definition's names, `Name:Def` when the value (or each list item) is an object of Def's names. */
function namesOf(props: Schemas, defs: Schemas, owner: string, out: Map<string, string>, enums: Enums): string {
  const values = enumsOf(props, defs);
  if (values.size > 0) enums.set(owner, values);
  return Object.keys(props).sort().map((name) => {
    const p = valueSchema(props[name], defs);
    if (p.ref_name !== undefined) {
      const def = defs[p.ref_name];
      return closed(def) ? `${name}:${p.ref_name}` : name;
    }
    if (closed(p)) {
      // An object described inline: named after its owner so it cannot clash with a definition.
      const inline = `${owner}.${name}`;
      out.set(inline, namesOf(p.properties!, defs, inline, out, enums));
      return `${name}:${inline}`;
    }
    return name;
  }).join(' ');
}

/**
 * The schema of a property's value or, for a list, of each item: a list may be declared on the property or on the
 * definition it refers to (RegistryScanningConfiguration's Rules refers to ScanningRules, a list of ScanningRule).
 */
function valueSchema(p: Schemas[string], defs: Schemas): Schemas[string] {
  const listDef = p.ref_name !== undefined ? defs[p.ref_name] : undefined;
  return p.items ?? (listDef?.type === 'array' ? listDef.items : undefined) ?? p;
}

/**
 * The properties whose value, or each item of a list value, must be one of an enum of strings: the enum on the
 * property, on its items, or on the definition either refers to. Enums under anyOf/oneOf (another form is also
 * allowed), the conditional ones under if/then (Fargate sizes, left to the task rules) and number enums are left out.
 */
function enumsOf(props: Schemas, defs: Schemas): Map<string, string> {
  const values = new Map<string, string>();
  for (const name of Object.keys(props).sort()) {
    const p = valueSchema(props[name], defs);
    const e = (p.ref_name !== undefined ? defs[p.ref_name]?.enum : undefined) ?? p.enum;
    if (e === undefined || !e.every((v) => typeof v === 'string')) continue;
    const strings = e as readonly string[];
    if (strings.some((v) => v === '' || /[\s']/.test(v))) throw new Error(`${name}: an enum value the table cannot hold: ${JSON.stringify(e)}`);
    values.set(name, strings.join(' '));
  }
  return values;
}

/** An object whose keys the schema lists, and no others (maps and free-form JSON are not checked). */
function closed(p: PropertySchemaJson | undefined): boolean {
  return p !== undefined && p.properties !== undefined && Object.keys(p.properties).length > 0 && p.additional_properties === false;
}

/** The definitions a template can reach from Properties, in table order (the table also lists unused ones). */
function reachable(out: Map<string, string>): string[] {
  const seen = new Set<string>(['']);
  for (const def of seen) {
    for (const n of out.get(def)!.split(' ')) if (n.includes(':')) seen.add(n.slice(n.indexOf(':') + 1));
  }
  return [...out.keys()].filter((d) => seen.has(d));
}

const types = Object.keys(schemas).filter((t) => TYPE.test(t)).sort();
const enumEntries: string[] = [];
let enumCount = 0;
const entries = types.flatMap((t) => {
  const s = schemas[t];
  if (s.additional_properties !== false || !s.properties) return [];
  const defs = s.definitions ?? {};
  const out = new Map<string, string>();
  const enums: Enums = new Map();
  out.set('', namesOf(s.properties, defs, '', out, enums));
  for (const name of Object.keys(defs).sort()) {
    if (closed(defs[name])) out.set(name, namesOf(defs[name].properties!, defs, name, out, enums));
  }
  if (enums.size > 0) {
    enumEntries.push(`  '${t}': {`);
    const listed = reachable(out).filter((d) => enums.has(d));
    // Keys quoted only when one of them must be (eslint quote-props: consistent-as-needed).
    const quote = listed.some((d) => !/^[A-Za-z_]\w*$/.test(d)) ? "'" : '';
    for (const def of listed) {
      const values = [...enums.get(def)!].map(([name, v]) => `${name}: '${v}'`);
      enumCount += values.length;
      enumEntries.push(`    ${quote}${def}${quote}: { ${values.join(', ')} },`);
    }
    enumEntries.push('  },');
  }
  const lines = [...out].map(([def, names]) => `    '${def}': '${names}',`);
  return [`  '${t}': {`, ...lines, '  },'];
});

const text = `/**
 * The property names CloudFormation accepts in each ECS and ECR resource type, from the resource provider
 * schemas (additionalProperties: false). Per type, '' lists the names under Properties, and each other key a
 * nested definition's names. \`Name:Def\` says the value, or each item of a list value, is an object of Def's
 * names; other values (strings, maps, free-form JSON) are not looked into.
 *
 * Generated by scripts/gen-property-names.ts from the schemas bundled in @aws/cloudformation-validate ${version}
 * (shipped inside aws-cdk-lib). Do not edit.
 */

export const PROPERTY_NAMES_SOURCE = '@aws/cloudformation-validate ${version}';

export const PROPERTY_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
${entries.join('\n')}
};
`;
fs.writeFileSync(OUT, text);
console.log(`wrote ${path.relative(ROOT, OUT)} (${types.length} types, schemas from ${version})`);

const enumText = `/**
 * The values CloudFormation allows for each ECS and ECR property whose schema is an enum of strings (for a list,
 * each item's), checked case-sensitively before the service is called. Keyed like PROPERTY_NAMES: per type, ''
 * is Properties and each other key a nested definition, mapping property names to their space-separated values
 * in schema order. Enums under anyOf/oneOf and conditional (if/then) ones are not listed.
 *
 * Generated by scripts/gen-property-names.ts from the schemas bundled in @aws/cloudformation-validate ${version}
 * (shipped inside aws-cdk-lib). Do not edit.
 */

export const PROPERTY_ENUMS_SOURCE = '@aws/cloudformation-validate ${version}';

export const PROPERTY_ENUMS: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string>>>>>> = {
${enumEntries.join('\n')}
};
`;
fs.writeFileSync(ENUMS_OUT, enumText);
console.log(`wrote ${path.relative(ROOT, ENUMS_OUT)} (${enumCount} properties)`);
