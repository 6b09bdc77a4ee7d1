/** Building blocks of the yip stage steps the designer writes into a node's cloud-config. */
import { GoInt, type GoObject, type GoValue } from '../yaml/goJson.js';

export const goObject = (entries: [string, GoValue | undefined][]): GoObject =>
  new Map(entries.filter((e): e is [string, GoValue] => e[1] !== undefined));

/** A yip `files:` entry owned by root with the given mode (an integer, as yip reads it). */
export function yipFile(path: string, content: string, mode: number): GoObject {
  return goObject([
    ['path', path],
    ['permissions', new GoInt(BigInt(mode))],
    ['owner', new GoInt(0n)],
    ['group', new GoInt(0n)],
    ['content', content],
  ]);
}
