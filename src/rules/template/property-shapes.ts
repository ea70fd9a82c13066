/**
 * The property names of a resource type and its nested definitions, read from the generated schema table, and
 * the name a misspelt key most likely meant.
 */
import { PROPERTY_NAMES } from '../tables/property-names';

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
