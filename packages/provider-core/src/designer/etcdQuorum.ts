/**
 * etcd's quorum arithmetic: a cluster of n members needs a majority, floor(n/2)+1, to agree on any
 * change, so it tolerates n - quorum failed members; an even count tolerates no more than one
 * member fewer (etcd FAQ, "What is failure tolerance?" and "Why an odd number of cluster members?",
 * https://etcd.io/docs/v3.5/faq/). Once quorum is lost the cluster "cannot reach consensus and
 * therefore cannot continue accepting updates" (https://etcd.io/docs/v3.5/op-guide/recovery/).
 */

export interface QuorumCount {
  /** Members in the cluster's configuration (failed ones included). */
  members: number;
  /** Members still up. */
  survivors: number;
  /** Members needed for a majority: floor(members / 2) + 1. */
  quorum: number;
  /** Whether the survivors are a majority. False when there are no members at all. */
  holds: boolean;
  /** Failed members the cluster tolerates when all are up: members - quorum. */
  tolerance: number;
  /** More members that may still fail before quorum is lost (0 when it is already lost). */
  spare: number;
}

/** The quorum of `members` etcd members of which `failed` are down (failed is clamped to 0..members). */
export function quorumCount(members: number, failed: number): QuorumCount {
  const n = Math.max(0, Math.floor(members));
  const down = Math.min(n, Math.max(0, Math.floor(failed)));
  const quorum = Math.floor(n / 2) + 1;
  const survivors = n - down;
  const holds = n > 0 && survivors >= quorum;
  return { members: n, survivors, quorum, holds, tolerance: Math.max(0, n - quorum), spare: holds ? survivors - quorum : 0 };
}
