export { loadConfig, defaultConfig, resolveConfig, type LoadConfigOptions } from './load-config.ts'
export { DEFAULTS } from './defaults.ts'
export { ENV_OVERRIDES, parseRustLog } from './env-overrides.ts'
export type { Config, LogSinkConfig, McpToolSwitches, RegistrySourceConfig } from './types.ts'
