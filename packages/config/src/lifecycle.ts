// A long-running process: start it, and on SIGINT/SIGTERM close it once and exit.
export async function runUntilSignal(start: () => Promise<{ close(): Promise<void> }>): Promise<void> {
  const running = await start();
  let closing = false;
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, async () => {
      if (closing) return;
      closing = true;
      await running.close();
      process.exit(0);
    });
  }
}
