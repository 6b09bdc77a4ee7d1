/**
 * The provider's `boot.before` stages as a timeline: what yip runs at boot, in order, with each
 * stage's condition, the files it writes and the commands it runs.
 */
import type { PluginOutcome } from '../provider/runPlugin.js';

export interface BootStep {
  order: number;
  name: string;
  /** The shell condition yip checks first; the stage is skipped when it fails. */
  condition: string | null;
  files: { path: string; permissions: string }[];
  commands: string[];
}

export const BOOT_STAGE = 'boot.before';

export function bootTimeline(plan: PluginOutcome): BootStep[] {
  if (plan.kind !== 'written') return [];
  return (plan.yip.stages[BOOT_STAGE] ?? []).map((stage, i) => ({
    order: i + 1,
    name: stage.name ?? `(unnamed stage ${i + 1})`,
    condition: stage.if ?? null,
    files: (stage.files ?? []).map((f) => ({ path: f.path, permissions: `0${f.permissions.toString(8)}` })),
    commands: stage.commands ?? [],
  }));
}
