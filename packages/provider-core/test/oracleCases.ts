/**
 * Reads the oracle corpus (../shared/oracle beside the repository, or $RKE2_ORACLE_DIR): cases
 * produced by the real, compiled provider-rke2 v4.8.2. Expected outputs are read from disk, never
 * copied into tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ORACLE_DIR =
  process.env['RKE2_ORACLE_DIR'] ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/oracle');

interface OracleFileMeta {
  path: string;
  stored_as: string;
  permissions: number;
  owner: number;
  group: number;
  encoding: string;
  ownerstring: string;
  stage_index: number;
  stage_name: string;
}

interface OracleMeta {
  node_cidr: string;
  exit_code: number;
  panic: boolean;
  panic_message: string | null;
  panic_at: string | null;
  response: { state: string; data: string; error: string; log: string } | null;
  written: { path: string; mode: string }[];
  files?: OracleFileMeta[];
  merged: 'ok' | 'jq-error' | 'none';
  notes: string;
}

export interface OracleCase {
  name: string;
  dir: string;
  input: string;
  meta: OracleMeta;
  clusterKairosYaml: string | null;
  mergedConfig: string | null;
  mergedError: string | null;
  fileContent(storedAs: string): string;
}

function readOptional(path: string): string | null {
  return existsSync(path) ? readFileSync(path, 'utf8') : null;
}

export function loadOracleCases(): OracleCase[] {
  return readdirSync(ORACLE_DIR)
    .filter((name) => /^\d\d-/.test(name))
    .sort()
    .map((name) => {
      const dir = join(ORACLE_DIR, name);
      return {
        name,
        dir,
        input: readFileSync(join(dir, 'input.yaml'), 'utf8'),
        meta: JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as OracleMeta,
        clusterKairosYaml: readOptional(join(dir, 'cluster.kairos.yaml')),
        mergedConfig: readOptional(join(dir, 'merged-config.json')),
        mergedError: readOptional(join(dir, 'merged-config.error.txt')),
        fileContent: (storedAs: string) => readFileSync(join(dir, storedAs), 'utf8'),
      };
    });
}
