export function sandboxAdvice(binary: string): string;
/** Runs `binary . ...args`; resolves with the exit code to pass on, or the cause of a failure. */
export function launchElectron(binary: string, args: string[], options: { root: string }): Promise<{ exitCode: number } | { cause: string }>;
