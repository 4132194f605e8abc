/**
 * A path or name as one types it in a shell, for hints like "Next: talkdeck check 'My Talk'":
 * as is when it is plain, else in single quotes (which POSIX shells, and PowerShell, take
 * literally).
 */
export function quoteArg(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
