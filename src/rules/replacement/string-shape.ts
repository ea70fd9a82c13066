/**
 * The shape of a string value built with Fn::Sub or Fn::Join: its literal text with a placeholder for each part the
 * template does not decide (a parameter, an import, an attribute), and those parts in order. Two values whose
 * undecided parts are the same, in the same order, are the same string when their texts are equal and different
 * strings when they are not: `!Sub 'orders-${Env}'` and `!Sub 'orders-v2-${Env}'` differ whatever Env is.
 */
import { StackModel } from '../model';

/** Stands for one undecided part in `text`. */
export const HOLE = '\u0000';

export interface StringShape {
  readonly text: string;
  readonly holes: readonly string[];
}

/** The shape of `v`, or undefined when it is no string the template builds (a number, an object, Fn::If...). */
export function stringShape(v: unknown, stack: StackModel, depth = 0): StringShape | undefined {
  if (depth > 10) return undefined;
  if (typeof v === 'string') return { text: v, holes: [] };
  const literal = stack.assembly.resolveString(v, stack);
  if (literal !== undefined) return { text: literal, holes: [] };
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length !== 1) return undefined;
  const arg = (v as Record<string, unknown>)[keys[0]];
  if (keys[0] === 'Fn::Join' && Array.isArray(arg) && typeof arg[0] === 'string' && Array.isArray(arg[1])) {
    const parts = (arg[1] as unknown[]).map((p) => stringShape(p, stack, depth + 1));
    return parts.every((p) => p) ? join(parts as StringShape[], arg[0]) : undefined;
  }
  if (keys[0] === 'Fn::Sub') {
    const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1] as Record<string, unknown> | undefined] : [arg, undefined];
    return typeof text === 'string' ? subShape(text, vars ?? {}, stack, depth) : undefined;
  }
  // Ref to a parameter, Fn::ImportValue of an export outside the run, Fn::GetAtt: one undecided part, named by its JSON.
  if (keys[0] === 'Ref' || keys[0] === 'Fn::ImportValue' || keys[0] === 'Fn::GetAtt' || keys[0] === 'Fn::GetStackOutput') {
    return { text: HOLE, holes: [JSON.stringify(v)] };
  }
  return undefined;
}

function subShape(text: string, vars: Record<string, unknown>, stack: StackModel, depth: number): StringShape | undefined {
  const parts: StringShape[] = [];
  let last = 0;
  for (const m of text.matchAll(/\$\{([^}]*)\}/g)) {
    parts.push({ text: text.slice(last, m.index), holes: [] });
    last = m.index! + m[0].length;
    const name = m[1];
    // ${!Literal} writes ${Literal}.
    if (name.startsWith('!')) {
      parts.push({ text: `\${${name.slice(1)}}`, holes: [] });
      continue;
    }
    const value = name in vars ? vars[name] : name.includes('.') ? { 'Fn::GetAtt': name.split('.', 2) } : { Ref: name };
    const shape = stringShape(value, stack, depth + 1);
    if (!shape) return undefined;
    parts.push(shape);
  }
  parts.push({ text: text.slice(last), holes: [] });
  return join(parts, '');
}

function join(parts: readonly StringShape[], separator: string): StringShape {
  return { text: parts.map((p) => p.text).join(separator), holes: parts.flatMap((p) => p.holes) };
}
