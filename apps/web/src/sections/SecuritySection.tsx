import { POD_SECURITY_LEVELS, SECRETS_ENCRYPTION_PROVIDERS } from '@rke2-edge/provider-core';
import type { SiteSettings } from '../actions/settingsActions.js';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { bindSetting } from './siteSettingsSchema.js';

export function SecuritySection() {
  const at = (key: keyof SiteSettings['security']) => ({ field: bindSetting(`security.${key}`) });
  return (
    <>
      <CheckboxField {...at('fips')} label="FIPS 140 mode" />
      <CheckboxField {...at('cisProfile')} label="CIS hardening profile" />
      <CheckboxField {...at('selinux')} label="SELinux" />
      <SelectField {...at('secretsEncryptionProvider')} label="Secrets encryption" options={SECRETS_ENCRYPTION_PROVIDERS} />
      <SelectField {...at('podSecurity')} label="Pod Security level" options={POD_SECURITY_LEVELS} />
      <ListField {...at('podSecurityExemptNamespaces')} label="Namespaces exempt from Pod Security" />
      <TextField {...at('writeKubeconfigMode')} label="Kubeconfig file mode" />
    </>
  );
}
