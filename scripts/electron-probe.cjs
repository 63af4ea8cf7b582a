// Asks the electron package for its binary's path, exactly as any Electron tool does:
// `require('electron')` reads node_modules/electron/path.txt and, on a first run, downloads the
// binary (electron/index.js runs electron/install.js). The answer travels over the IPC channel,
// so nothing the download prints on stdout or stderr can be mistaken for it.
/* eslint-disable @typescript-eslint/no-require-imports -- require('electron') is the question asked */
try {
  process.send({ path: require('electron') }, () => process.disconnect());
} catch (error) {
  process.send({ error: error instanceof Error ? error.message : String(error) }, () => process.disconnect());
}
