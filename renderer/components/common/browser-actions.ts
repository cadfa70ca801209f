/**
 * The two browser side effects the inspector needs: copying text to the clipboard and
 * saving a document as a download (a Blob URL on a temporary link; no inline script, so the
 * page's CSP is satisfied).
 */

export async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

export function downloadText(filename: string, text: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
