// Structured one-line JSON logs. Callers pass ids and codes only: never report text or names.
type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Logger = Record<Level, (msg: string, fields?: Record<string, string | number | boolean | null | undefined>) => void>;

export function createLogger(component: string, level: Level = 'info'): Logger {
  const emit = (l: Level) => (msg: string, fields?: Record<string, unknown>) => {
    if (ORDER[l] < ORDER[level]) return;
    process.stderr.write(`${JSON.stringify({ t: new Date().toISOString(), level: l, component, msg, ...fields })}\n`);
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}
