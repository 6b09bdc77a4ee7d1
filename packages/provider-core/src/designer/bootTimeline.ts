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

/**
 * A title for a stage the provider gives no name (its image import stage, oracle cases 19–21):
 * what it does, and that the name is ours, since the device's logs show none.
 */
function unnamedStageTitle(commands: readonly string[], order: number): string {
  if (commands.some((c) => c.includes('/opt/rke2/scripts/import.sh '))) return 'Import image archives (a stage without a name)';
  return `Stage ${order} (without a name)`;
}

export function bootTimeline(plan: PluginOutcome): BootStep[] {
  if (plan.kind !== 'written') return [];
  return (plan.yip.stages[BOOT_STAGE] ?? []).map((stage, i) => ({
    order: i + 1,
    name: stage.name ?? unnamedStageTitle(stage.commands ?? [], i + 1),
    condition: stage.if ?? null,
    files: (stage.files ?? []).map((f) => ({ path: f.path, permissions: `0${f.permissions.toString(8)}` })),
    commands: stage.commands ?? [],
  }));
}
