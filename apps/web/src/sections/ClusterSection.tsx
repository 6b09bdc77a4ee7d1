import { RKE2_VERSIONS } from '@rke2-edge/provider-core';
import { ListField, SelectField, TextField } from '../form/fields.js';
import { siteHint } from './siteSettingsSchema.js';
import { TokenField } from './TokenField.js';

export function ClusterSection() {
  return (
    <>
      <TextField name="name" sitePath={['name']} label="Site name" hint={siteHint('name')} />
      <TextField name="description" sitePath={['description']} label="Description" hint={siteHint('description')} />
      <SelectField name="rke2Version" sitePath={['rke2Version']} label="RKE2 version" hint={siteHint('rke2Version')} options={RKE2_VERSIONS} />
      <TokenField />
      <TextField name="cluster.controlPlaneHost" sitePath={['cluster', 'controlPlaneHost']} label="Control-plane host" hint={siteHint('cluster.controlPlaneHost')} />
      <ListField name="cluster.tlsSans" sitePath={['cluster', 'tlsSans']} label="Extra API certificate names (TLS SANs)" hint={siteHint('cluster.tlsSans')} />
    </>
  );
}
