import { AFTER_INSTALL } from '@rke2-edge/provider-core';
import { ListField, SelectField, TextField } from '../form/fields.js';
import { siteHint } from './siteSettingsSchema.js';

export function OsSection() {
  const at = (path: string) => ({ name: `os.${path}`, sitePath: ['os', ...path.split('.')], hint: siteHint(`os.${path}`) });
  return (
    <>
      <TextField {...at('user.name')} label="User name" />
      <ListField {...at('user.sshAuthorizedKeys')} label="SSH authorized keys" rows={3} />
      <TextField {...at('user.passwordHash')} label="Password hash" />
      <TextField {...at('install.device')} label="Install disk" />
      <SelectField {...at('install.after')} label="After install" options={AFTER_INSTALL} />
    </>
  );
}
