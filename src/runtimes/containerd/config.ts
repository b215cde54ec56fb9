/**
 * The snapshotter a containerd config gives the CRI plugin: images must be unpacked into it, or kubelet
 * finds the image but cannot start it. kind sets it per node (overlayfs by default, native or
 * fuse-overlayfs where overlay cannot nest), so `kind load` reads it the same way.
 */

const criSections = new Set([
  'plugins."io.containerd.grpc.v1.cri".containerd', // config version 2 (containerd 1.x)
  'plugins."io.containerd.cri.v1.images"', // config version 3 (containerd 2.x)
  'plugins.cri.containerd' // config version 1
])

/** The CRI snapshotter named in a config.toml (or `containerd config dump`); undefined when it names none. */
export function parseSnapshotter(toml: string): string | undefined {
  let section = ''
  for (const raw of toml.split('\n')) {
    const line = raw.trim()
    const header = /^\[([^\]]+)\]/.exec(line)
    if (header) {
      // containerd 2's `config dump` quotes keys with ' where kind's files use ".
      section = header[1].replace(/\s+/g, '').replace(/'/g, '"')
      continue
    }
    if (!criSections.has(section)) continue
    const value = /^snapshotter\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(line)
    if (value) return (value[1] ?? value[2]) || undefined
  }
  return undefined
}

/** What containerd uses when no config names a snapshotter. */
export const defaultSnapshotter = 'overlayfs'
