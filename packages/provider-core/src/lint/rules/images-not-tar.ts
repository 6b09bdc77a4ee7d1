/** `images-not-tar`: `local_images_path` names an archive. */
import { cloudConfigCluster } from '../cloudConfigChecks.js';
import { defineRule } from './defineRule.js';

export const imagesNotTar = defineRule({
  code: 'images-not-tar',
  severity: { cloudConfig: 'warning' },
  title: '`local_images_path` names an archive',
  docs: "The provider's import script copies only `*.tar` from the `local_images_path` folder (designed sites place compressed archives themselves, see Images).",
  check: {
    cloudConfig: cloudConfigCluster,
  },
});
