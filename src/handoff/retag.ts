import { HandoffError } from '../errors.js'
import { idHasPrefix, isImageId, type Reference } from '../archive/reference.js'
import { patternMatcher } from '../archive/select.js'
import type { ArchiveImage, ArchiveModel } from '../archive/model.js'
import type { TagRule } from '../inputs.js'
import type { Runtime } from '../runtimes/runtime.js'

export interface PlannedTag {
  /** A stored name of the image, or its config digest when it has none. */
  source: string
  target: string
  targetRef: Reference
  configDigest: string
}

/**
 * Resolves `tags` against the stored images before anything is tagged: a SOURCE (name, glob or ID) must
 * match exactly one image, and a TARGET cannot be claimed by two images.
 */
export function planTags(rules: TagRule[], model: ArchiveModel): PlannedTag[] {
  const plan = rules.map((rule) => {
    const images = matchingImages(rule.source, model.images)
    if (images.length === 0) {
      throw new HandoffError(
        `Input "tags": "${rule.source}" matches none of the loaded images (${describe(model)}); fix the SOURCE of "${rule.source}=${rule.target}".`
      )
    }
    const [image] = images
    if (image === undefined || images.length > 1) {
      throw new HandoffError(
        `Input "tags": "${rule.source}" matches ${images.length} images (${images.map(label).join(', ')}) but "${rule.target}" can name only one; narrow the SOURCE.`
      )
    }
    return {
      source: image.names[0] ?? image.configDigest,
      target: rule.target,
      targetRef: rule.targetRef,
      configDigest: image.configDigest
    }
  })
  for (const a of plan) {
    const clash = plan.find((b) => b.target === a.target && b.configDigest !== a.configDigest)
    if (clash)
      throw new HandoffError(
        `Input "tags": "${a.target}" is the TARGET of two different images (${a.source}, ${clash.source}); give each its own target.`
      )
  }
  return plan
}

function matchingImages(source: string, images: ArchiveImage[]): ArchiveImage[] {
  if (isImageId(source)) return images.filter((i) => idHasPrefix(i.configDigest, source))
  const match = patternMatcher(source, { shortNames: true })
  return images.filter((i) => i.names.some(match))
}

const label = (image: ArchiveImage): string => image.names[0] ?? image.configDigest.slice(0, 19)

function describe(model: ArchiveModel): string {
  return model.images.map(label).join(', ') || 'none'
}

/** Tags through the runtime, then checks that every target names the image it should. */
export async function applyTags(
  runtime: Runtime,
  plan: PlannedTag[],
  ids: Map<string, string>
): Promise<{ source: string; target: string; id: string }[]> {
  const done = []
  for (const step of plan) {
    const id = ids.get(step.configDigest) ?? step.configDigest
    await runtime.tag(step.source, step.targetRef)
    const found = await runtime.inspect(step.target)
    if (!found || found.id !== id) {
      throw new HandoffError(
        `Tagging ${step.source} as ${step.target} did not take: the engine has ${found ? found.id : 'no such image'}, expected ${id}.`
      )
    }
    done.push({ source: step.source, target: step.target, id })
  }
  return done
}
