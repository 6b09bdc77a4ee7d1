import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertySettings } from '../../test/fastCheckSettings.js';
import { quorumCount } from './etcdQuorum.js';

/** Every way `failed` of `members` can be down: quorum holds when the survivors are more than half, whoever failed. */
function bruteForce(members: number, failed: number) {
  let holdsEverywhere = true;
  let holdsSomewhere = false;
  for (let mask = 0; mask < 1 << members; mask++) {
    let down = 0;
    for (let bit = 0; bit < members; bit++) if (mask & (1 << bit)) down++;
    if (down !== failed) continue;
    const majority = 2 * (members - down) > members;
    holdsEverywhere &&= majority;
    holdsSomewhere ||= majority;
  }
  // The smallest number of members that is more than half, found by counting up.
  let quorum = 0;
  while (2 * quorum <= members) quorum++;
  // The most failures every subset survives.
  let tolerance = 0;
  while (tolerance < members && 2 * (members - tolerance - 1) > members) tolerance++;
  return { holds: members > 0 && holdsEverywhere && holdsSomewhere, quorum, tolerance };
}

describe('etcd quorum', () => {
  it('matches the etcd FAQ table', () => {
    const table = [1, 2, 3, 4, 5, 6, 7].map((n) => [n, quorumCount(n, 0).quorum, quorumCount(n, 0).tolerance]);
    expect(table).toEqual([
      [1, 1, 0],
      [2, 2, 0],
      [3, 2, 1],
      [4, 3, 1],
      [5, 3, 2],
      [6, 4, 2],
      [7, 4, 3],
    ]);
  });

  it('two members: losing either loses quorum', () => {
    expect(quorumCount(2, 1)).toMatchObject({ survivors: 1, quorum: 2, holds: false, spare: 0 });
  });

  it('five members survive two failures, not three', () => {
    expect(quorumCount(5, 2)).toMatchObject({ holds: true, spare: 0 });
    expect(quorumCount(5, 3)).toMatchObject({ holds: false, survivors: 2 });
  });

  it('no members never hold quorum', () => {
    expect(quorumCount(0, 0)).toMatchObject({ holds: false, quorum: 1, survivors: 0 });
  });

  it('agrees with brute force over every subset of failed members', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n }))),
        ([members, failed]) => {
          const count = quorumCount(members, failed);
          const brute = bruteForce(members, failed);
          expect(count.holds).toBe(brute.holds);
          if (members > 0) {
            expect(count.quorum).toBe(brute.quorum);
            expect(count.tolerance).toBe(brute.tolerance);
          }
          expect(count.spare).toBe(count.holds ? count.tolerance - failed : 0);
        },
      ),
      propertySettings,
    );
  });
});
