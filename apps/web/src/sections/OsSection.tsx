import { AFTER_INSTALL } from '@rke2-edge/provider-core';
import type { SiteSettings } from '../actions/settingsActions.js';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { useFieldValue } from '../form/siteForm.js';
import { usePresentationMode } from '../shell/presentation.js';
import { bindSetting } from './siteSettingsSchema.js';

type OsPath = `user.${keyof SiteSettings['os']['user']}` | `install.${keyof SiteSettings['os']['install']}`;

export function OsSection() {
  const at = (path: OsPath) => ({ field: bindSetting(`os.${path}`) });
  const noLogin = useFieldValue(bindSetting('os.user.noLogin')) === true;
  // A password hash can be cracked offline: not on a projector.
  const presenting = usePresentationMode();
  return (
    <>
      <fieldset>
        <legend>Login on every node</legend>
        <CheckboxField {...at('user.noLogin')} label="No login (nobody can log in)" />
        {noLogin && <p className="field-hint">Nobody can log in to a node, so the checks in README.txt cannot be run on it.</p>}
        <TextField {...at('user.name')} label="User name" />
        <ListField {...at('user.sshAuthorizedKeys')} label="SSH authorized keys" rows={3} />
        <TextField {...at('user.passwordHash')} label="Password hash" masked={presenting} />
      </fieldset>
      <TextField {...at('install.device')} label="Install disk" />
      <SelectField {...at('install.after')} label="After install" options={AFTER_INSTALL} />
    </>
  );
}
