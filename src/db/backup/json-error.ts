/** "Not valid JSON: … (line 3, column 5)": engines differ in what their message says. */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  if (text.trim() === '') return 'Not valid JSON: the file is empty.';
  if (/line \d+/i.test(message)) return `Not valid JSON: ${message}`;
  const position = /position (\d+)/.exec(message);
  if (!position) return `Not valid JSON: ${message}`;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `Not valid JSON: ${message} (line ${line}, column ${column})`;
}
