/**
 * The message id of an imported event whose file has no id column: the same file (by content
 * hash) and line always give the same id, so importing a file again adds no event twice.
 */
export function importedEventMessageId(contentSha256: string, line: number): string {
  return `csv-${contentSha256.slice(0, 20)}-${line}`;
}
