/** A catalogue's texts per audit action: `{ protocol_access: { enabled: '…' } }`. */
export type ActionTexts = Readonly<Record<string, Readonly<Record<string, string>> | undefined>>;

/**
 * The catalogue path (`protocol_access.enabled`) of an audit action the catalogue names, or null
 * for one it does not know (a newer server's), which the caller shows with its code instead.
 * The portal's activity page and the staff panel word the same actions for their own readers.
 */
export function knownActionPath(texts: ActionTexts, action: string): string | null {
  const [group, name, ...rest] = action.split('.');
  const groupTexts = group && Object.hasOwn(texts, group) ? texts[group] : undefined;
  return name && rest.length === 0 && groupTexts && Object.hasOwn(groupTexts, name) ? action : null;
}
