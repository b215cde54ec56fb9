/** What orchestration needs from a logger; core-io.ts binds it to @actions/core, tests to an array. */
export interface Log {
  info(message: string): void
  warning(message: string): void
  debug(message: string): void
  group<T>(title: string, body: () => Promise<T>): Promise<T>
}

/** A clock seam so summaries can report phase times and tests can pin them. */
export type Clock = () => number
