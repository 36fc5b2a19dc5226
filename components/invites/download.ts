/** Saves text as a file from the browser (CSV of links, roster export). */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8') {
  // A BOM so spreadsheet apps read names with accents as UTF-8.
  const blob = new Blob([type.startsWith('text/csv') ? `\uFEFF${text}` : text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
