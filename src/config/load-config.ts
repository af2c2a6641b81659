import { dirname, resolve } from 'node:path'
import { AppError, isAppError } from '../errors.ts'
import type { LogLevel } from '../store/types.ts'
import { buildConfig } from './build-config.ts'
import { applyEnvOverrides } from './env-overrides.ts'
import { setAt } from './internal/key-path.ts'
import { readConfigFile } from './read-config-file.ts'
import { substituteEnv, type Env, type ValueOrigins } from './substitute-env.ts'
import type { Config } from './types.ts'
import { CONFIG_SCHEMA, validateConfigTree } from './validate-config.ts'

export interface LoadConfigOptions {
  /** Config file path, relative to `cwd`; null or absent runs on defaults (plus env). */
  file?: string | null
  /** Environment for `${VAR}`, RATCHET_* and RUST_LOG; defaults to process.env. */
  env?: Env
  /** Working directory for a relative `file` (and the base for paths when there is no file). */
  cwd?: string
  /** Command-line overrides; they win over everything else. */
  overrides?: { logLevel?: LogLevel }
}

type ResolveOptions = Required<Pick<LoadConfigOptions, 'env' | 'cwd'>> & Pick<LoadConfigOptions, 'overrides'> & { file: string | null }

/**
 * Turns a parsed config tree into a Config: `${VAR}` substitution, RATCHET_* / RUST_LOG overrides,
 * the CLI overrides, schema validation, defaults, path resolution, deep freeze. Precedence, lowest
 * first: defaults, file, RUST_LOG, RATCHET_*, CLI.
 */
export function resolveConfig(parsed: Record<string, unknown>, options: ResolveOptions): Config {
  const origins: ValueOrigins = new Map()
  const tree = substituteEnv(parsed, options.env, CONFIG_SCHEMA, { file: options.file, origins })
  const overridden = applyEnvOverrides(tree, options.env, CONFIG_SCHEMA, origins)
  const cliLevel = options.overrides?.logLevel
  if (cliLevel !== undefined && setAt(tree, ['logging', 'level'], cliLevel)) {
    origins.set('logging.level', '--log-level')
    overridden.add('logging.level')
  }
  validateConfigTree(tree, { file: options.file, origins })
  const levelOverride = overridden.has('logging.level') ? (tree.logging as { level: LogLevel }).level : undefined
  try {
    return buildConfig(tree, {
      file: options.file,
      baseDir: options.file ? dirname(options.file) : options.cwd,
      cwd: options.cwd,
      origins,
      levelOverride,
    })
  } catch (error) {
    if (!isAppError(error) || !options.file) throw error
    throw new AppError(error.code, `Invalid configuration in ${options.file}:\n  ${error.message}`, {
      data: { file: options.file, ...error.data },
      hint: error.hint,
      cause: error,
    })
  }
}

/**
 * Loads the configuration: the only place that reads config files and the environment for
 * settings. Returns a deep-frozen, fully defaulted Config; any problem is an AppError
 * `CONFIG_INVALID` whose message names the file, the key path (or YAML line) and how to fix it.
 */
export async function loadConfig(options: LoadConfigOptions = {}): Promise<Config> {
  const cwd = resolve(options.cwd ?? process.cwd())
  const file = options.file ? resolve(cwd, options.file) : null
  const parsed = file ? await readConfigFile(file) : {}
  return resolveConfig(parsed, { file, cwd, env: options.env ?? process.env, overrides: options.overrides })
}

/** The configuration with no file and no environment: every default, paths relative to `cwd`. */
export function defaultConfig(cwd: string = process.cwd()): Config {
  return resolveConfig({}, { file: null, cwd: resolve(cwd), env: {} })
}
