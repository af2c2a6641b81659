import { resolve } from 'node:path'

/** The writable tasks folder: ./tasks next to the config file (or in the working directory). */
export function tasksDirFor(baseDir: string): string {
  return resolve(baseDir, 'tasks')
}
