import { IMAGE_SOURCES, RegistryConfigSchema, type ImageSource } from '@rke2-edge/provider-core';
import type { SiteSettings } from '../actions/settingsActions.js';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { useField, useFieldValue } from '../form/siteForm.js';
import { RegistryKeyField, RegistryPemField } from './RegistryPemFields.js';
import { bindSetting } from './siteSettingsSchema.js';

type AirGap = SiteSettings['airGap'];

export const IMAGE_SOURCE_LABELS: Record<ImageSource, string> = {
  internet: 'the internet',
  proxy: 'the internet, through the proxy',
  mirror: 'a registry mirror',
  archives: 'image archives copied to the node',
};

export function AirGapSection() {
  const at = (key: keyof AirGap) => ({ field: bindSetting(`airGap.${key}`) });
  const source = (useFieldValue(bindSetting('airGap.imageSource')) as ImageSource | undefined) ?? 'internet';
  // Fields of another image source stay visible while they hold something, so nothing is hidden that is still written.
  const archives = (useFieldValue(bindSetting('airGap.imageArchives')) as string[] | undefined) ?? [];
  const mirrors = (useFieldValue(bindSetting('airGap.mirrors')) as unknown[] | undefined) ?? [];
  return (
    <>
      <fieldset>
        <legend>Images on the device</legend>
        <SelectField {...at('imageSource')} label="Images come from" options={IMAGE_SOURCES} optionLabels={IMAGE_SOURCE_LABELS} />
        {(source === 'archives' || archives.length > 0) && (
          <>
            <TextField {...at('imagesPath')} label="Images folder" />
            <ListField {...at('imageArchives')} label="Image archives" placeholder="rke2-images-core.linux-amd64.tar" />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Registries</legend>
        <TextField {...at('systemDefaultRegistry')} label="System default registry" placeholder="registry.local:5000" />
        {(source === 'mirror' || mirrors.length > 0) && <Mirrors />}
        <RegistryConfigs />
      </fieldset>
    </>
  );
}

/** A list setting edited as a whole: add an item at the end, remove one. */
function useListSetting<K extends 'mirrors' | 'registryConfigs'>(key: K) {
  const list = useField(bindSetting(`airGap.${key}`));
  const items = (Array.isArray(list.value) ? list.value : []) as AirGap[K];
  return {
    items,
    append: (item: AirGap[K][number]) => list.change([...items, item]),
    remove: (index: number) => list.change(items.filter((_, i) => i !== index)),
  };
}

function Mirrors() {
  const { items, append, remove } = useListSetting('mirrors');
  return (
    <div className="repeat">
      <h3>Mirrors</h3>
      {items.length === 0 && <p className="empty">No mirrors: images are pulled from their own registries.</p>}
      {items.map((_, i) => (
        <div key={i} className="repeat-item" role="group" aria-label={`Mirror ${i + 1}`}>
          <TextField field={bindSetting(`airGap.mirrors.${i}.registry`)} label="Registry" placeholder="docker.io" />
          <ListField field={bindSetting(`airGap.mirrors.${i}.endpoints`)} label="Endpoints" placeholder="https://registry.local:5000" />
          <button type="button" onClick={() => remove(i)}>
            Remove mirror {i + 1}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => append({ registry: '', endpoints: [], rewrites: {} })}>
        Add mirror
      </button>
    </div>
  );
}

type RegistryKey = keyof AirGap['registryConfigs'][number];

function RegistryConfigs() {
  const { items, append, remove } = useListSetting('registryConfigs');
  return (
    <div className="repeat">
      <h3>Registry credentials and TLS</h3>
      {items.length === 0 && <p className="empty">No registry needs credentials or its own CA.</p>}
      {items.map((_, i) => {
        const at = (key: RegistryKey) => ({ field: bindSetting(`airGap.registryConfigs.${i}.${key}`) });
        return (
          <div key={i} className="repeat-item" role="group" aria-label={`Registry ${i + 1}`}>
            <TextField {...at('host')} label="Registry host" placeholder="registry.local:5000" />
            <TextField {...at('username')} label="User name" />
            <TextField {...at('password')} label="Password" type="password" autoComplete="new-password" />
            <TextField {...at('caFile')} label="CA file on the node" placeholder="empty: /etc/rancher/rke2/tls/HOST/ca.crt" />
            <RegistryPemField {...at('caPem')} label="CA certificate (PEM)" />
            <TextField {...at('certFile')} label="Client certificate file" />
            <RegistryPemField {...at('certPem')} label="Client certificate (PEM)" />
            <TextField {...at('keyFile')} label="Client key file" />
            <RegistryKeyField {...at('keyPem')} index={i} />
            <CheckboxField {...at('insecureSkipVerify')} label="Skip TLS verification (testing only)" />
            <button type="button" onClick={() => remove(i)}>
              Remove registry {i + 1}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => append(RegistryConfigSchema.parse({ host: '' }))}>
        Add registry
      </button>
    </div>
  );
}
