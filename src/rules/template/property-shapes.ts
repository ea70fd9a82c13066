/**
 * The property names of a resource type and its nested definitions, read from the generated schema table, a
 * walk over the keys of a resource's Properties and the nested objects the table describes, and the name a
 * misspelt key (or value) most likely meant.
 */
import { resourceFact, TemplateResource } from '../model';
import { PROPERTY_ENUMS } from '../tables/property-enums';
import { PROPERTY_NAMES } from '../tables/property-names';
import { intrinsicKey, toStr } from '../values';

/** A definition's names, each mapped to the definition its value must match ('' when the value is not looked into). */
export type Shape = ReadonlyMap<string, string>;

const parsed = new Map<string, ReadonlyMap<string, Shape>>();

/** The shapes of a resource type ('' = Properties), parsed on first use; undefined for a type the table does not list. */
export function shapesOf(type: string): ReadonlyMap<string, Shape> | undefined {
  let shapes = parsed.get(type);
  if (shapes === undefined) {
    const table = PROPERTY_NAMES[type];
    if (table === undefined) return undefined;
    const map = new Map<string, Shape>();
    for (const [def, names] of Object.entries(table)) {
      map.set(def, new Map(names.split(' ').map((n) => {
        const colon = n.indexOf(':');
        return colon < 0 ? [n, ''] : [n.slice(0, colon), n.slice(colon + 1)];
      })));
    }
    shapes = map;
    parsed.set(type, shapes);
  }
  return shapes;
}

/** The object a definition describes, for a message: `AWS::ECS::Service`, `a PortMapping of AWS::ECS::TaskDefinition`. */
export function ownerOf(def: string, type: string): string {
  if (def === '') return type;
  const name = def.replace(/^.*\./, '');
  return `${/^[AEIO]/.test(name) ? 'an' : 'a'} ${name} of ${type}`;
}

/**
 * Where a walk is in a resource's Properties: the keys and list indexes from `Properties`, joined into a pointer only
 * when a finding needs one (most keys never do). Shared and changed as the walk goes: read it inside the callback.
 */
export class WalkPosition {
  private readonly parts: (string | number)[] = ['Properties'];
  private conditions = 0;

  /** Whether the walk is inside a branch of Fn::If (one possible value, as unresolved as a parameter). */
  public get inCondition(): boolean {
    return this.conditions > 0;
  }

  public push(part: string | number): void {
    this.parts.push(part);
    if (part === 'Fn::If') this.conditions++;
  }

  public pop(): void {
    if (this.parts.pop() === 'Fn::If') this.conditions--;
  }

  /** `Properties/ContainerDefinitions/0/PortMappings/1/Protocol`. */
  public pointer(): string {
    return this.parts.join('/');
  }
}

/** Called for each key of an object the schema describes, with the definition that object is ('' = Properties). */
export type KeyVisitor = (key: string, value: unknown, def: string, at: WalkPosition, shape: Shape) => void;

/** A key its definition does not have (ECS-CF-01). */
export interface UnknownKey {
  readonly key: string;
  readonly value: unknown;
  readonly def: string;
  readonly pointer: string;
  readonly shape: Shape;
}

/** A literal string of an enum property that is not one of its values, outside Fn::If branches (ECS-CF-02). */
export interface EnumMiss {
  readonly key: string;
  readonly def: string;
  readonly text: string;
  /** The values the schema allows. */
  readonly allowed: string;
  readonly pointer: string;
}

/** What one walk of a resource's Properties found for ECS-CF-01 and ECS-CF-02 (both usually empty). */
export interface ShapeScan {
  readonly unknownKeys: readonly UnknownKey[];
  readonly enumMisses: readonly EnumMiss[];
}

const NOTHING: ShapeScan = { unknownKeys: [], enumMisses: [] };

/** One walk per resource serves both rules (cached per resource): walking the properties is most of their cost. */
export function scanShapes(resource: TemplateResource): ShapeScan {
  return resourceFact(resource, scan, undefined);
}

function scan(resource: TemplateResource): ShapeScan {
  const shapes = shapesOf(resource.type);
  if (shapes === undefined) return NOTHING;
  const enums = PROPERTY_ENUMS[resource.type];
  const unknownKeys: UnknownKey[] = [];
  const enumMisses: EnumMiss[] = [];
  walkShapes(resource.properties, shapes, (key, value, def, at, shape) => {
    if (!shape.has(key) && !key.startsWith('Fn::')) unknownKeys.push({ key, value, def, pointer: at.pointer(), shape });
    const allowed = enums?.[def]?.[key];
    if (allowed === undefined) return;
    eachItem(value, at, (item, pos) => {
      // A branch of Fn::If is one possible value, as unresolved as a parameter: not judged (the engine's rule for unknowns).
      if (pos.inCondition) return;
      const text = typeof item === 'string' ? toStr(item) : undefined;
      if (text !== undefined && !valuesOf(allowed).includes(text)) enumMisses.push({ key, def, text, allowed, pointer: pos.pointer() });
    });
  });
  return unknownKeys.length === 0 && enumMisses.length === 0 ? NOTHING : { unknownKeys, enumMisses };
}

const split = new Map<string, readonly string[]>();

/** The allowed values of an enum table entry, split once. */
export function valuesOf(allowed: string): readonly string[] {
  let values = split.get(allowed);
  if (values === undefined) split.set(allowed, values = allowed.split(' '));
  return values;
}

/**
 * Calls `visit` for every key of a resource's Properties and of the nested objects below them that the table
 * describes (a container definition, a port mapping...), through lists and both Fn::If branches. Keys the
 * definition does not have are visited but not looked into; other intrinsics and maps are not looked into.
 */
export function walkShapes(properties: unknown, shapes: ReadonlyMap<string, Shape>, visit: KeyVisitor): void {
  walk(properties, '', new WalkPosition(), shapes, visit);
}

function walk(value: unknown, def: string, at: WalkPosition, shapes: ReadonlyMap<string, Shape>, visit: KeyVisitor): void {
  eachItem(value, at, (item) => {
    if (item === null || typeof item !== 'object' || intrinsicKey(item) !== undefined) return;
    const shape = shapes.get(def)!;
    for (const key in item) {
      if (!Object.prototype.hasOwnProperty.call(item, key)) continue;
      const child = (item as Record<string, unknown>)[key];
      at.push(key);
      visit(key, child, def, at, shape);
      const childDef = shape.get(key);
      if (childDef) walk(child, childDef, at, shapes, visit);
      at.pop();
    }
  });
}

/**
 * Calls `each` with every value a property can take: the value itself, each item of a list, and each branch of
 * an Fn::If (at `.../Fn::If/1` and `.../Fn::If/2`), to any depth. Other intrinsics are handed over as they are.
 */
export function eachItem(value: unknown, at: WalkPosition, each: (item: unknown, at: WalkPosition) => void): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      at.push(i);
      eachItem(value[i], at, each);
      at.pop();
    }
    return;
  }
  if (value !== null && typeof value === 'object' && intrinsicKey(value) === 'Fn::If') {
    const args = (value as { 'Fn::If': unknown })['Fn::If'];
    if (!Array.isArray(args)) return;
    at.push('Fn::If');
    for (const i of [1, 2]) {
      at.push(i);
      eachItem(args[i], at, each);
      at.pop();
    }
    at.pop();
    return;
  }
  each(value, at);
}

/**
 * The known name a key most likely meant: the same name in another case (CloudFormation names are case-sensitive;
 * task definition JSON and the ECS API use camelCase), else the one closest by edit distance when it is at most 2
 * and under a third of the key. undefined when no name is that close.
 */
export function likelyMeant(key: string, names: Iterable<string>): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.min(2, Math.floor((key.length - 1) / 3));
  for (const name of names) {
    if (name.toLowerCase() === lower) return name;
    if (Math.abs(name.length - key.length) > bestDistance) continue;
    const d = editDistance(lower, name.toLowerCase());
    if (d <= bestDistance && (best === undefined || d < bestDistance)) {
      best = name;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance with adjacent transpositions (optimal string alignment): Memroy is one edit from Memory. */
function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) current[j] = Math.min(current[j], before[j - 2] + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}
