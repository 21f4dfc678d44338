/**
 * A chosen file's bytes as base64, for the import channels. The bytes go to the backend untouched, which
 * detects the encoding (UTF-8, UTF-16 with a byte order mark) and refuses what it cannot read;
 * `file.text()` would have guessed UTF-8 and turned a UTF-16 file into NUL-filled names.
 */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000; // String.fromCharCode takes its arguments on the stack: go in slices
  for (let at = 0; at < bytes.length; at += chunk) {
    binary += String.fromCharCode(...bytes.subarray(at, at + chunk));
  }
  return btoa(binary);
}
