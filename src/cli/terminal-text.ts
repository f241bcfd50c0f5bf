/**
 * Text from a topic (a title, a folder name, a quoted line) as it may reach a terminal or a CI log.
 * Control characters are shown escaped instead of acting: ESC could colour or clear the screen, BEL
 * ring, CR overwrite the line before, and a newline start a line of its own that GitHub Actions reads
 * as a workflow command (`::warning file=…::`) even in the plain text format. Tabs stay, since they
 * only move the cursor forward. Bidirectional overrides are escaped too: they make a line read in an
 * order other than the one its characters have.
 */
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

// C0 controls but tab, DEL, C1 controls (some terminals act on them as on ESC sequences), and the
// bidirectional embeddings, overrides and isolates.
const unsafe = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function terminalText(text: string): string {
  return text.replace(unsafe, (c) => named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
