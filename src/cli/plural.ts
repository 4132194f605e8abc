/** "1 slide", "14 slides": a count with its noun in the right number (English CLI output). */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
