/** `fips-incompatible`: FIPS with a secrets encryption that is not FIPS-approved. */
import { defineRule } from './defineRule.js';

export const fipsIncompatible = defineRule({
  code: 'fips-incompatible',
  severity: { site: 'error' },
  title: 'FIPS with a secrets encryption that is not FIPS-approved',
  docs: 'FIPS mode needs the `aescbc` secrets encryption provider; `secretbox` is not FIPS-approved.',
  check: {
    site: ({ site: { security } }) =>
      security.fips && security.secretsEncryptionProvider !== 'aescbc'
        ? [
            {
              severity: 'error',
              code: 'fips-incompatible',
              message: `secrets encryption "${security.secretsEncryptionProvider}" is not FIPS-approved; FIPS mode needs aescbc`,
              path: ['security', 'secretsEncryptionProvider'],
              fix: { description: 'use aescbc', value: 'aescbc' },
            },
          ]
        : [],
  },
});
