import { useFieldArray, useFormContext } from 'react-hook-form';
import { IMAGE_SOURCES } from '@rke2-edge/provider-core';
import { CheckboxField, ListField, SelectField, TextField } from '../form/fields.js';
import { siteHint } from './siteSettingsSchema.js';

const IMAGE_SOURCE_LABELS: Record<string, string> = {
  internet: 'the internet',
  proxy: 'the internet, through the proxy',
  mirror: 'a registry mirror',
  archives: 'image archives copied to the node',
};

export function AirGapSection() {
  const at = (key: string) => ({ name: `airGap.${key}`, sitePath: ['airGap', key], hint: siteHint(`airGap.${key}`) });
  return (
    <>
      <fieldset>
        <legend>Images on the device</legend>
        <SelectField {...at('imageSource')} label="Images come from" options={IMAGE_SOURCES} optionLabels={IMAGE_SOURCE_LABELS} />
        <TextField {...at('imagesPath')} label="Images folder" />
        <ListField {...at('imageArchives')} label="Image archives" />
      </fieldset>
      <fieldset>
        <legend>Registries</legend>
        <TextField {...at('systemDefaultRegistry')} label="System default registry" placeholder="registry.local:5000" />
        <Mirrors />
        <RegistryConfigs />
      </fieldset>
    </>
  );
}

function Mirrors() {
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'airGap.mirrors' });
  return (
    <div className="repeat">
      <h3>Mirrors</h3>
      {fields.length === 0 && <p className="empty">No mirrors: images are pulled from their own registries.</p>}
      {fields.map((field, i) => (
        <div key={field.id} className="repeat-item" role="group" aria-label={`Mirror ${i + 1}`}>
          <TextField name={`airGap.mirrors.${i}.registry`} sitePath={['airGap', 'mirrors', i, 'registry']} label="Registry" placeholder="docker.io" />
          <ListField name={`airGap.mirrors.${i}.endpoints`} sitePath={['airGap', 'mirrors', i, 'endpoints']} label="Endpoints" placeholder="https://registry.local:5000" />
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

function RegistryConfigs() {
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'airGap.registryConfigs' });
  return (
    <div className="repeat">
      <h3>Registry credentials and TLS</h3>
      {fields.length === 0 && <p className="empty">No registry needs credentials or its own CA.</p>}
      {fields.map((field, i) => {
        const at = (key: string) => ({ name: `airGap.registryConfigs.${i}.${key}`, sitePath: ['airGap', 'registryConfigs', i, key] });
        return (
          <div key={field.id} className="repeat-item" role="group" aria-label={`Registry ${i + 1}`}>
            <TextField {...at('host')} label="Registry host" placeholder="registry.local:5000" />
            <TextField {...at('username')} label="User name" />
            <TextField {...at('password')} label="Password" type="password" autoComplete="new-password" />
            <TextField {...at('caFile')} label="CA file on the node" />
            <TextField {...at('certFile')} label="Client certificate file" />
            <TextField {...at('keyFile')} label="Client key file" />
            <CheckboxField {...at('insecureSkipVerify')} label="Skip TLS verification (testing only)" />
            <button type="button" onClick={() => remove(i)}>
              Remove registry {i + 1}
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() => append({ host: '', username: '', password: '', caFile: '', certFile: '', keyFile: '', insecureSkipVerify: false })}
      >
        Add registry
      </button>
    </div>
  );
}
