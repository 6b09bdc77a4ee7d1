/**
 * The site: one RKE2 cluster on Kairos edge devices, designed once and expanded into one
 * cloud-config per node. This zod schema is the only definition of the format (`site.json`);
 * types, form validation and the JSON schema all come from it. Field names are camelCase; the
 * Kairos wire names (`cluster_token`, …) appear only in renderCloudConfig.
 *
 * Values a user can get wrong in ways worth explaining (node names, labels, CIDRs, extra YAML)
 * are plain strings here and checked by lintSite, so a bad value is kept and reported, never lost.
 */
import { z } from 'zod';
import { KAIROS_ROLES } from '../kairos/clusterSchema.js';

/** Version of the site.json format written by this code. */
export const SITE_SCHEMA_VERSION = 2;

/** RKE2 minor versions a site can target; the catalog describes v1.36. */
export const RKE2_VERSIONS = ['v1.33', 'v1.34', 'v1.35', 'v1.36'] as const;
export const DEFAULT_RKE2_VERSION = 'v1.36';

export const CNI_PLUGINS = ['canal', 'calico', 'cilium', 'flannel', 'none'] as const;
export const INGRESS_CONTROLLERS = ['traefik', 'ingress-nginx', 'none'] as const;
export const SECRETS_ENCRYPTION_PROVIDERS = ['aescbc', 'secretbox'] as const;
export const POD_SECURITY_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export const AFTER_INSTALL = ['reboot', 'poweroff', 'nothing'] as const;
/** How nodes reach the control plane: the init node itself, a VIP kube-vip holds on the servers, or a load balancer the user runs. */
export const CONTROL_PLANE_ENDPOINTS = ['init-node', 'kube-vip', 'load-balancer'] as const;
/** How nodes get container images. */
export const IMAGE_SOURCES = ['internet', 'proxy', 'mirror', 'archives'] as const;
/** How a node gets its address: a DHCP reservation the network team makes for its MAC, or a static configuration the designer writes. */
export const ADDRESSING_MODES = ['dhcp-reservation', 'static'] as const;
/** kube-vip's published image, pinned (https://github.com/kube-vip/kube-vip/releases). */
export const KUBE_VIP_IMAGE = 'ghcr.io/kube-vip/kube-vip:v0.9.2';

const text = (description: string, fallback = '') => z.string().default(fallback).describe(description);
const list = (description: string) => z.array(z.string()).default([]).describe(description);

export const NodeSchema = z.object({
  name: z.string().describe('Kubernetes node name: lower-case letters, digits and "-".'),
  role: z.enum(KAIROS_ROLES).describe('init starts the cluster; controlplane joins as a server; worker runs workloads.'),
  address: text("The node's IP address with prefix, e.g. 192.168.1.10/24 (what the device reports as its address)."),
  hostname: text('Host name the OS sets; empty means the node name.'),
  addressing: z
    .enum(ADDRESSING_MODES)
    .default('dhcp-reservation')
    .describe('How the node gets its address: a DHCP reservation for its MAC address, or a static address the designer configures.'),
  mac: text("MAC address of the node's network interface, e.g. 52:54:00:12:34:56 (for the DHCP reservation and the box label)."),
  interface: text('Network interface the address is configured on (static addressing).', 'eth0'),
  setNodeIp: z.boolean().default(false).describe('Write the address into node-ip so RKE2 uses it.'),
  labels: list('Labels, each key=value, applied when the node registers.'),
  taints: list('Taints, each key=value:Effect (NoSchedule, PreferNoSchedule or NoExecute).'),
  extraConfig: text("More RKE2 settings for this node only, as YAML; they win over the site's."),
});

export const RegistryMirrorSchema = z.object({
  registry: z.string().describe('Registry whose images are pulled from the mirror, e.g. docker.io or "*".'),
  endpoints: list('Mirror URLs, tried in order, e.g. https://registry.local:5000.'),
  rewrites: z.record(z.string(), z.string()).default({}).describe('Regular expression → replacement applied to image names.'),
});

export const RegistryConfigSchema = z.object({
  host: z.string().describe('Registry host[:port] these credentials and TLS settings apply to.'),
  username: text('User name for the registry.'),
  password: text('Password for the registry (a secret: left out of share links).'),
  caFile: text(
    'CA certificate file on the node: one already in the OS image, or, when the content is given, a path under /etc/rancher/rke2/tls/ (empty: chosen there).',
  ),
  certFile: text('Client certificate file on the node (with content: under /etc/rancher/rke2/tls/; empty: chosen there).'),
  keyFile: text('Client key file on the node (with content: under /etc/rancher/rke2/tls/; empty: chosen there).'),
  caPem: text('CA certificate (PEM) the designer writes to the CA file on every node.'),
  certPem: text('Client certificate (PEM) the designer writes to the certificate file.'),
  keyPem: text('Client key (PEM) the designer writes to the key file, readable by root only (a secret: left out of share links).'),
  insecureSkipVerify: z.boolean().default(false).describe('Accept any TLS certificate (testing only).'),
});

export const SiteSchema = z.object({
  version: z.literal(SITE_SCHEMA_VERSION).describe('Version of the site.json format.'),
  name: z.string().describe('Site name, used for folder names in bundles.'),
  description: text('What this site is, for the people who will read it.'),
  rke2Version: z.enum(RKE2_VERSIONS).default(DEFAULT_RKE2_VERSION).describe('RKE2 minor version the nodes run.'),
  cluster: z.object({
    token: z.string().describe('Shared secret all nodes join with (at least 16 characters; generated ones have 48).'),
    controlPlaneHost: z
      .string()
      .describe(
        "Address every node reaches the control plane at: the init node's IP, the kube-vip VIP, or the load balancer's name or IP.",
      ),
    endpoint: z
      .enum(CONTROL_PLANE_ENDPOINTS)
      .default('init-node')
      .describe('What serves the control-plane host: the init node, a VIP kube-vip holds on the servers, or a load balancer you run.'),
    kubeVip: z
      .object({
        interface: text('Network interface on the servers the VIP is announced on (ARP).', 'eth0'),
        image: text('kube-vip image (mirror or preload it on air-gapped sites).', KUBE_VIP_IMAGE),
      })
      .prefault({}),
    tlsSans: list('Extra names or IPs for the API server certificate.'),
  }),
  network: z
    .object({
      clusterCidr: text('Pod network (one IPv4 and/or one IPv6 CIDR, comma-separated).', '10.42.0.0/16'),
      serviceCidr: text('Service network (one IPv4 and/or one IPv6 CIDR, comma-separated).', '10.43.0.0/16'),
      clusterDns: text(
        'Cluster DNS service IP, inside the service network; empty means the 10th address of the service network, as RKE2 chooses.',
      ),
      clusterDomain: text('DNS suffix of services.', 'cluster.local'),
      cni: z.enum(CNI_PLUGINS).default('canal').describe('Network plugin.'),
      multus: z.boolean().default(false).describe('Run Multus in front of the network plugin.'),
      ingressController: z.enum(INGRESS_CONTROLLERS).default('traefik').describe('Ingress controller deployed by RKE2.'),
      gateway: text('Default gateway for nodes with static addressing.'),
      nameservers: list('DNS servers for nodes with static addressing.'),
    })
    .prefault({}),
  security: z
    .object({
      fips: z.boolean().default(false).describe('Boot nodes in FIPS mode (kernel fips=1); requires aescbc secrets encryption.'),
      cisProfile: z.boolean().default(false).describe('Enforce the CIS hardening profile.'),
      selinux: z.boolean().default(false).describe('Enable SELinux in containerd.'),
      secretsEncryptionProvider: z.enum(SECRETS_ENCRYPTION_PROVIDERS).default('aescbc').describe('Cipher for Secrets at rest.'),
      podSecurity: z.enum(POD_SECURITY_LEVELS).default('privileged').describe('Pod Security level enforced by default.'),
      podSecurityExemptNamespaces: z
        .array(z.string())
        .default(['kube-system'])
        .describe('Namespaces the Pod Security level does not apply to.'),
      writeKubeconfigMode: text('File mode of /etc/rancher/rke2/rke2.yaml, in octal.', '0600'),
    })
    .prefault({}),
  proxy: z
    .object({
      httpProxy: text('HTTP proxy URL for RKE2 and containerd, e.g. http://proxy.local:3128.'),
      httpsProxy: text('HTTPS proxy URL for RKE2 and containerd.'),
      noProxy: text('Hosts and networks reached without the proxy, comma-separated.'),
    })
    .prefault({}),
  airGap: z
    .object({
      imageSource: z
        .enum(IMAGE_SOURCES)
        .default('internet')
        .describe(
          'How nodes get container images: from the internet, through the proxy, from a registry mirror, or from image archives copied to the node.',
        ),
      imagesPath: text('Folder on the node holding the image archives.', '/opt/content/images'),
      imageArchives: list('Archive files the field tech will copy into the images folder.'),
      systemDefaultRegistry: text('Registry all RKE2 system images are pulled from.'),
      mirrors: z.array(RegistryMirrorSchema).default([]),
      registryConfigs: z.array(RegistryConfigSchema).default([]),
    })
    .prefault({}),
  extraConfig: text('More RKE2 settings for every node, as YAML.'),
  os: z
    .object({
      user: z
        .object({
          name: text('User created on every node for logging in (none when no login is chosen).', 'kairos'),
          sshAuthorizedKeys: list('SSH public keys (or github:USER) allowed to log in.'),
          passwordHash: text('Password hash (e.g. from mkpasswd -m sha-512); empty disables password login.'),
          noLogin: z
            .boolean()
            .default(false)
            .describe('Create no login on the nodes (no key, no password): nobody can log in to check them.'),
        })
        .prefault({}),
      install: z
        .object({
          device: text('Disk Kairos installs to, or "auto" for the first suitable one.', 'auto'),
          after: z.enum(AFTER_INSTALL).default('reboot').describe('What the node does once installed.'),
        })
        .prefault({}),
    })
    .prefault({}),
  nodes: z.array(NodeSchema).default([]),
});

export type Site = z.infer<typeof SiteSchema>;
/** A site as written in a file or a form: fields with defaults may be left out. */
export type SiteInput = z.input<typeof SiteSchema>;
export type SiteNode = z.infer<typeof NodeSchema>;
export type NodeRole = SiteNode['role'];
export type RegistryMirror = z.infer<typeof RegistryMirrorSchema>;
export type RegistryConfig = z.infer<typeof RegistryConfigSchema>;

export type ControlPlaneEndpoint = Site['cluster']['endpoint'];
export type ImageSource = Site['airGap']['imageSource'];

export const isServerRole = (role: string | undefined): boolean => role !== 'worker';
