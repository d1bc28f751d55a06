/**
 * A value as it arrives, before it is read against the schema: text from a link (still %-escaped, so lists
 * can be split before unescaping) or a JSON value from a state file.
 */
export type RawValue = { source: 'link'; text: string } | { source: 'file'; value: unknown };

export const linkText = (text: string): RawValue => ({ source: 'link', text });
export const fileValue = (value: unknown): RawValue => ({ source: 'file', value });
