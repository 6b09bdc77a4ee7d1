/**
 * data-dir. k3s resolves it with datadir.LocalHome (k3s-io/k3s pkg/datadir/datadir.go:
 * resolvehome.Resolve then filepath.Abs), so a relative path lands under the unit's working
 * directory, `/`, and RKE2 keeps its state somewhere nobody planned. (Where images are loaded
 * from, `<data-dir>/agent/images`, is the images rule's business: imagesRule.ts.)
 */
import { DEFAULT_DATA_DIR } from '../../site/nodeDataDir.js';
import { configText, configKeyPath, type StartFailure, type StartInput } from '../startRule.js';

const DATA_DIR_SOURCE = 'k3s-io/k3s pkg/datadir/datadir.go, LocalHome';

/** The data-dir RKE2 uses on this device. */
export function dataDirOf(input: Pick<StartInput, 'device'>): string {
  return configText(input.device.config?.get('data-dir')) || DEFAULT_DATA_DIR;
}

export function dataDirRule(input: StartInput): StartFailure[] {
  const dataDir = configText(input.device.config?.get('data-dir'));
  if (!dataDir) return [];
  const path = configKeyPath(input, 'data-dir');
  if (!dataDir.startsWith('/')) {
    return [
      {
        rule: 'data-dir',
        message: `data-dir "${dataDir}" is relative: RKE2 resolves it against the service's working directory, giving /${dataDir.replace(/^\.\//, '')}`,
        source: DATA_DIR_SOURCE,
        path,
      },
    ];
  }
  return [];
}
