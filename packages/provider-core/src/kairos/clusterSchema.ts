/**
 * The Kairos `cluster:` section, with the YAML keys of kairos-sdk v0.9.3's `clusterplugin.Cluster`.
 * Every field is optional: the SDK decodes a missing key as Go's zero value ("" / false / nil).
 */
import { z } from 'zod';

export const KAIROS_ROLES = ['init', 'controlplane', 'worker'] as const;

const StringMap = z.record(z.string(), z.string());

export const ClusterSchema = z.object({
  cluster_token: z.string().optional().describe('Shared secret every node of the cluster joins with.'),
  control_plane_host: z.string().optional().describe('Address all nodes reach the control plane at (VIP, DNS name or the init node).'),
  role: z.string().optional().describe('init, controlplane or worker. Anything else (or nothing) is treated as a server that joins.'),
  config: z.string().optional().describe('RKE2 configuration as a YAML text; written to config.d/90_userdata.yaml as JSON.'),
  providerConfig: StringMap.optional().describe('Provider options; provider-rke2 reads cluster_root_path.'),
  env: StringMap.optional().describe('Environment; HTTP_PROXY, HTTPS_PROXY and NO_PROXY become /etc/default/rke2-*.'),
  ca_certs: z.array(z.string()).optional().describe('CA certificates (not used by provider-rke2).'),
  import_local_images: z.boolean().optional().describe('Import image tarballs from local_images_path at boot.'),
  local_images_path: z.string().optional().describe('Folder holding *.tar image archives (default /opt/content/images).'),
  cluster_config_path: z
    .string()
    .optional()
    .describe('Where the plugin writes its yip file (default /usr/local/cloud-config/cluster.kairos.yaml).'),
});

export type Cluster = z.infer<typeof ClusterSchema>;
