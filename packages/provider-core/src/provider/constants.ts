/** provider-rke2's pkg/constants, and the fixed strings of its ClusterProvider. */
export const CONFIGURATION_PATH = '/etc/rancher/rke2/config.d';
export const CONTAINERD_ENV_CONFIG_PATH = '/etc/default';
export const MERGED_CONFIG_PATH = '/etc/rancher/rke2/config.yaml';
export const SERVER_SYSTEM_NAME = 'rke2-server';
export const AGENT_SYSTEM_NAME = 'rke2-agent';
export const K8S_NO_PROXY = '.svc,.svc.cluster,.svc.cluster.local';
export const LOCAL_IMAGES_PATH = '/opt/content/images';
export const CLUSTER_ROOT_PATH_OPTION = 'cluster_root_path';
export const CLUSTER_PROVIDER_CONFIG_FILE = '/usr/local/cloud-config/cluster.kairos.yaml';
export const PROVIDER_NAME = 'RKE2 Kairos Cluster Provider';
export const SUPERVISOR_PORT = 9345;

export const USER_CONFIG_FILE = `${CONFIGURATION_PATH}/90_userdata.yaml`;
export const PROVIDER_CONFIG_FILE = `${CONFIGURATION_PATH}/99_userdata.yaml`;

/** The merge command of the "Install RKE2 Configuration Files" stage, verbatim from provider.go. */
export const JQ_MERGE_COMMAND = `jq -s 'def flatten: reduce .[] as $i([]; if $i | type == "array" then . + ($i | flatten) else . + [$i] end); [.[] | to_entries] | flatten | reduce .[] as $dot ({}; .[$dot.key] += $dot.value)' ${CONFIGURATION_PATH}/*.yaml > ${MERGED_CONFIG_PATH}`;

export const SWAP_OFF_COMMANDS = ["sed -i '/ swap / s/^\\(.*\\)$/#\\1/g' /etc/fstab", 'swapoff -a'];

/** yip's File.Permissions for every file the provider writes: 0400. */
export const FILE_PERMISSIONS = 0o400;
