/**
 * Pure reading of OCI/Docker manifests and indexes as containerd stores them: which platforms an index
 * names, which of them are absent from the store, and which manifest is the host's.
 */
import type { Descriptor } from '../../archive/oci-model.js'
import { platformOf } from '../../archive/platform.js'

export interface ManifestOrIndex {
  mediaType?: string
  /** Set for an image manifest. */
  config?: Descriptor
  /** Set for an image index / manifest list. */
  manifests?: Descriptor[]
}

const indexTypes = new Set([
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json'
])

export function isIndexMediaType(mediaType: string): boolean {
  return indexTypes.has(mediaType)
}

/** Parses a manifest or index blob; throws when it is neither. */
export function parseManifestOrIndex(text: string): ManifestOrIndex {
  const parsed = JSON.parse(text) as ManifestOrIndex
  if (parsed === null || typeof parsed !== 'object' || (!parsed.config && !Array.isArray(parsed.manifests))) {
    throw new Error('not an image manifest or index')
  }
  return parsed
}

/** `linux/arm64/v8`, or `unknown/unknown` for attestation manifests. */
export function platformText(descriptor: Descriptor): string {
  return platformOf(descriptor.platform) ?? 'unknown/unknown'
}

/** Platforms an index names whose manifests are not among `present` digests (attestations aside). */
export function absentPlatforms(index: ManifestOrIndex, present: ReadonlySet<string>): string[] {
  return (index.manifests ?? [])
    .filter((m) => !present.has(m.digest))
    .map(platformText)
    .filter((p) => p !== 'unknown/unknown')
}

/** Node's `process.arch` in OCI spelling. */
export function ociArchitecture(nodeArch: string): string {
  const map: Record<string, string> = {
    x64: 'amd64',
    ia32: '386',
    arm64: 'arm64',
    arm: 'arm',
    ppc64: 'ppc64le',
    s390x: 's390x'
  }
  return map[nodeArch] ?? nodeArch
}
