import { useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { IMAGE_SOURCES, RegistryConfigSchema, type ImageSource } from '@rke2-edge/provider-core';
import { describedAt } from '../form/useSyncedForm.js';
import { CheckboxField, ListField, SelectField, TextAreaField, TextField } from '../form/fields.js';
import { siteHint } from './siteSettingsSchema.js';

const registryHint = (key: string) => describedAt(RegistryConfigSchema, key);
const PEM_PLACEHOLDER = '-----BEGIN CERTIFICATE-----';

export const IMAGE_SOURCE_LABELS: Record<ImageSource, string> = {
  internet: 'the internet',
  proxy: 'the internet, through the proxy',
  mirror: 'a registry mirror',
  archives: 'image archives copied to the node',
};

export function AirGapSection() {
  const at = (key: string) => ({ name: `airGap.${key}`, sitePath: ['airGap', key], hint: siteHint(`airGap.${key}`) });
  const source = (useWatch({ name: 'airGap.imageSource' }) as ImageSource | undefined) ?? 'internet';
  // Fields of another image source stay visible while they hold something, so nothing is hidden that is still written.
  const archives = (useWatch({ name: 'airGap.imageArchives' }) as string[] | undefined) ?? [];
  const mirrors = (useWatch({ name: 'airGap.mirrors' }) as unknown[] | undefined) ?? [];
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

function Mirrors() {
  const { control } = useFormContext();
  const { fields, append, remove } = useFieldArray({ control, name: 'airGap.mirrors' });
  return (
    <div className="repeat">
      <h3>Mirrors</h3>
      {fields.length === 0 && <p className="empty">No mirrors: images are pulled from their own registries.</p>}
      {fields.map((field, i) => (
        <div key={field.id} className="repeat-item" role="group" aria-label={`Mirror ${i + 1}`}>
          <TextField
            name={`airGap.mirrors.${i}.registry`}
            sitePath={['airGap', 'mirrors', i, 'registry']}
            label="Registry"
            placeholder="docker.io"
          />
          <ListField
            name={`airGap.mirrors.${i}.endpoints`}
            sitePath={['airGap', 'mirrors', i, 'endpoints']}
            label="Endpoints"
            placeholder="https://registry.local:5000"
          />
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
            <TextField {...at('caFile')} label="CA file on the node" placeholder="empty: /etc/rancher/rke2/tls/HOST/ca.crt" />
            <TextAreaField {...at('caPem')} label="CA certificate (PEM)" hint={registryHint('caPem')} placeholder={PEM_PLACEHOLDER} />
            <TextField {...at('certFile')} label="Client certificate file" />
            <TextAreaField
              {...at('certPem')}
              label="Client certificate (PEM)"
              hint={registryHint('certPem')}
              placeholder={PEM_PLACEHOLDER}
            />
            <TextField {...at('keyFile')} label="Client key file" />
            <RegistryKeyField index={i} />
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

/** The client key: a secret, masked until shown (like the cluster token). */
function RegistryKeyField({ index }: { index: number }) {
  const [shown, setShown] = useState(false);
  return (
    <div className="masked-field">
      <TextAreaField
        name={`airGap.registryConfigs.${index}.keyPem`}
        sitePath={['airGap', 'registryConfigs', index, 'keyPem']}
        label="Client key (PEM)"
        hint={registryHint('keyPem')}
        masked={!shown}
        placeholder="-----BEGIN PRIVATE KEY-----"
      />
      <button
        type="button"
        onClick={() => setShown(!shown)}
        aria-pressed={shown}
        aria-label={`${shown ? 'Hide' : 'Show'} client key of registry ${index + 1}`}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
