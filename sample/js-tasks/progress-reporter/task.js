/**
 * progress-reporter: runs `steps` steps of `delay_ms` each, reporting progress after each step.
 *
 * Cancellation: every delay listens to context.signal, so a cancel or timeout stops the task
 * within the current step instead of after the remaining delays.
 */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal && signal.aborted) {
      reject(signal.reason)
      return
    }
    const onAbort = () => {
      if (typeof clearTimeout === 'function') clearTimeout(timer)
      reject(signal.reason)
    }
    const timer = setTimeout(() => {
      if (signal) signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    if (signal) signal.addEventListener('abort', onAbort, { once: true })
  })
}

function checkInteger(name, value, min, max) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ValidationError(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`, {
      field: name,
      value,
    })
  }
}

async function main(input, context) {
  const steps = input.steps
  const delayMs = input.delay_ms === undefined ? 10 : input.delay_ms
  const failAt = input.fail_at_step

  // Also enforced by the input schema; checked here so the task is safe to call directly.
  checkInteger('steps', steps, 1, 100)
  checkInteger('delay_ms', delayMs, 0, 1000)
  if (failAt !== undefined) checkInteger('fail_at_step', failAt, 1, Number.MAX_SAFE_INTEGER)

  context.log.info(`Starting ${steps} steps`, { steps, delay_ms: delayMs })
  context.progress({ progress: 0, total: steps, message: `starting ${steps} steps` })

  for (let i = 1; i <= steps; i++) {
    if (context.signal.aborted) {
      throw new Error(`Cancelled before step ${i} of ${steps}`, { cause: context.signal.reason })
    }
    try {
      await sleep(delayMs, context.signal)
    } catch (reason) {
      throw new Error(`Cancelled during step ${i} of ${steps}`, { cause: reason })
    }

    if (i === failAt) {
      context.log.error(`Simulated failure at step ${i}`, { step: i, total: steps })
      throw new DataError(`Simulated failure at step ${i} of ${steps}`, { step: i, total: steps })
    }

    context.progress({ progress: i, total: steps, message: `step ${i} of ${steps}` })
    console.log(`step ${i} of ${steps} done`)
  }

  context.log.info('All steps completed', { steps })
  return { completed_steps: steps, total_steps: steps }
}
