/**
 * A multi-platform image without a registry or buildx, on Docker with the containerd image store: one image
 * per platform from `docker import --platform`, their manifests joined under one OCI index, loaded back by
 * `docker load`. The platform is metadata only: every variant holds the host's busybox, so the host's runs.
 */
import { execFile } from 'node:child_process'
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { makeTar, readTar, sha256, type TarFile } from './archive-fixtures.js'
import { docker, type Engine } from './engines.js'

const execFileP = promisify(execFile)

interface Descriptor {
  mediaType: string
  digest: string
  size: number
}

/** Builds `name` holding one variant per platform (`linux/amd64`, …) with `/arch` naming it; resolves the index digest. */
export async function buildMultiPlatform(engine: Engine, name: string, platforms: string[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ih-mp-'))
  try {
    const blobs = new Map<string, Buffer>()
    const manifests: (Descriptor & { platform: { os: string; architecture: string } })[] = []
    for (const platform of platforms) {
      const [os = '', architecture = ''] = platform.split('/')
      const root = join(dir, architecture)
      await mkdir(join(root, 'bin'), { recursive: true })
      await copyFile('/bin/busybox', join(root, 'bin', 'busybox'))
      await writeFile(join(root, 'arch'), `${architecture}\n`)
      const rootfs = join(dir, `${architecture}.tar`)
      await execFileP('tar', ['-C', root, '-cf', rootfs, '.'])
      const single = `ih-mp-${architecture}:tmp`
      await docker(engine, [
        'import',
        '--platform',
        platform,
        '--change',
        'CMD ["/bin/busybox", "cat", "/arch"]',
        rootfs,
        single
      ])
      const saved = join(dir, `${architecture}-saved.tar`)
      await execFileP('docker', ['-H', engine.host, 'save', '-o', saved, single])
      await docker(engine, ['rmi', single])
      const entries = await readTar(await readFile(saved))
      for (const entry of entries.filter((e) => e.name.startsWith('blobs/sha256/') && e.type === 'file'))
        blobs.set(entry.name, entry.body)
      const index = JSON.parse(entries.find((e) => e.name === 'index.json')!.body.toString('utf8')) as {
        manifests: Descriptor[]
      }
      const { mediaType, digest, size } = index.manifests[0]!
      manifests.push({ mediaType, digest, size, platform: { os, architecture } })
    }
    const imageIndex = Buffer.from(
      JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests })
    )
    const indexDigest = sha256(imageIndex)
    blobs.set(`blobs/sha256/${indexDigest.slice(7)}`, imageIndex)
    const [repository, tag = 'latest'] = name.split(/:(?=[^:/]+$)/)
    const full = repository!.includes('/') ? repository! : `docker.io/library/${repository}`
    const files: TarFile[] = [
      { name: 'blobs/', type: 'directory' },
      { name: 'blobs/sha256/', type: 'directory' },
      ...[...blobs].map(([path, body]) => ({ name: path, body })),
      { name: 'oci-layout', body: '{"imageLayoutVersion":"1.0.0"}' },
      {
        name: 'index.json',
        body: JSON.stringify({
          schemaVersion: 2,
          manifests: [
            {
              mediaType: 'application/vnd.oci.image.index.v1+json',
              digest: indexDigest,
              size: imageIndex.length,
              annotations: { 'io.containerd.image.name': `${full}:${tag}`, 'org.opencontainers.image.ref.name': tag }
            }
          ]
        })
      }
    ]
    await writeFile(join(dir, 'multi.tar'), await makeTar(files))
    await docker(engine, ['load', '-i', join(dir, 'multi.tar')])
    return indexDigest
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** The platforms of the index an archive's index.json names for `ref.name` (or its only entry), with their blobs present. */
export async function platformsIn(archive: Buffer): Promise<{ index: string; platforms: string[]; complete: boolean }> {
  const entries = await readTar(archive)
  const body = (path: string): Buffer | undefined => entries.find((e) => e.name === path)?.body
  const top = (JSON.parse(body('index.json')!.toString('utf8')) as { manifests: Descriptor[] }).manifests[0]!
  const index = JSON.parse(body(`blobs/sha256/${top.digest.slice(7)}`)!.toString('utf8')) as {
    manifests: (Descriptor & { platform: { os: string; architecture: string } })[]
  }
  const complete = index.manifests.every((m) => body(`blobs/sha256/${m.digest.slice(7)}`) !== undefined)
  return {
    index: top.digest,
    platforms: index.manifests.map((m) => `${m.platform.os}/${m.platform.architecture}`).sort(),
    complete
  }
}
