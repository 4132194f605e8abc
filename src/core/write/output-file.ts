/** A file a writer produces, in memory until the shell writes it: its text, or a file to copy as it is. */
export type OutputFile = { content: string } | { copyFrom: string };
