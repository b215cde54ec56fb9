/** Input names, exactly as action.yml declares them. */
export const Input = {
  mode: 'mode',
  images: 'images',
  backend: 'backend',
  key: 'key',
  restoreKeys: 'restore-keys',
  path: 'path',
  runtime: 'runtime',
  containerdAddress: 'containerd-address',
  containerdNamespace: 'containerd-namespace',
  tags: 'tags',
  platform: 'platform',
  compressionLevel: 'compression-level',
  retentionDays: 'retention-days',
  overwrite: 'overwrite',
  githubToken: 'github-token',
  runId: 'run-id',
  repository: 'repository',
  kindCluster: 'kind-cluster',
  stallTimeout: 'stall-timeout',
  archive: 'archive',
  danglingNamePrefix: 'dangling-name-prefix',
  // Image transforms on save (issue 12)
  flatten: 'flatten',
  compression: 'compression',
  ociMediaTypes: 'oci-mediatypes',
  annotations: 'annotations'
} as const
