/** The OS sandbox for pool workers; see create-sandbox.ts. */
export { createSandbox, type CreateSandboxOptions, type SandboxMode, type WorkerSandbox } from './create-sandbox.ts'
export { detectSandbox, probePlan, type SandboxDetection } from './detect-sandbox.ts'
export { wrapCommand, describePlan, SANDBOX_UID, INNER_EGRESS_SOCKET, type LaunchPlan } from './launch-plan.ts'
