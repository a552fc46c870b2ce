export type MailParams = Readonly<Record<string, string | number | boolean | null | undefined>>;

export function fill(template: string, params: MailParams): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(params[name] ?? ''));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Plain text and a minimal HTML twin from the same paragraphs. The HTML has no anchors: a link
 * mail (recovery confirmation, reset) shows its link as text, and security notices carry none.
 */
export function renderMail(paragraphs: readonly string[], language: string): { text: string; html: string } {
  const text = `${paragraphs.join('\n\n')}\n`;
  const body = paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n');
  const html = `<!doctype html>\n<html lang="${escapeHtml(language)}"><head><meta charset="utf-8"></head><body>\n${body}\n</body></html>\n`;
  return { text, html };
}

/** `a•••@example.org`: enough for the owner to recognise, too little for anyone else. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '•••';
  return `${address.slice(0, 1)}•••${address.slice(at)}`;
}
