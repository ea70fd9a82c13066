/** Name checks shared by the service and cluster name rules. */

/** Why a 1-255 `[a-zA-Z0-9_-]` name is invalid, or undefined when it is valid. */
export function ecsNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'is empty';
  if (name.length > 255) return `is ${name.length} characters long`;
  const bad = [...new Set(name.replace(/[a-zA-Z0-9_-]/g, ''))];
  if (bad.length) return `contains ${bad.map((c) => JSON.stringify(c)).join(', ')}`;
  return undefined;
}

/** A suggestion that satisfies the 1-255 `[a-zA-Z0-9_-]` format. */
export function suggestEcsName(name: string): string {
  const cleaned = name.replace(/[^a-zA-Z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 255);
  return cleaned || 'name';
}
