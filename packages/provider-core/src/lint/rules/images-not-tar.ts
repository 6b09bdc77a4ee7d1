/** `images-not-tar`: `local_images_path` names an archive. */
import { lineOf } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

const ARCHIVE = /\.(tar(\.(gz|zst|bz2|lz4))?|tgz|tzst|tbz)$/;

export const imagesNotTar = defineRule({
  code: 'images-not-tar',
  severity: { cloudConfig: 'warning' },
  title: '`local_images_path` names an archive',
  docs: "The provider's import script copies only `*.tar` from the `local_images_path` folder (designed sites place compressed archives themselves, see Images).",
  check: {
    cloudConfig: (ctx) => {
      const cluster = ctx.decoded?.cluster;
      if (!cluster?.import_local_images || !ARCHIVE.test(cluster.local_images_path ?? '')) return [];
      return [
        {
          severity: 'warning',
          code: 'images-not-tar',
          message: `local_images_path "${cluster.local_images_path}" names an archive; it must be the folder holding the *.tar archives (the import script copies only *.tar)`,
          path: ['cluster', 'local_images_path'],
          ...lineOf(ctx, 'local_images_path'),
        },
      ];
    },
  },
});
