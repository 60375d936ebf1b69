// The Lamina extension: starts `lamina lsp` (the language server of the Lamina repository) for
// .lamina files and restarts it when its settings change or on "Lamina: Restart Language Server".
'use strict';

const vscode = require('vscode');
const { LanguageClient, State } = require('vscode-languageclient/node');

let client;
let output;

/** The server command from the settings: `<path> [extraArgs...] lsp` over standard input and output. */
function serverOptions() {
  const config = vscode.workspace.getConfiguration('lamina');
  const command = config.get('server.path', 'lamina') || 'lamina';
  const args = [...config.get('server.extraArgs', []), 'lsp'];
  return { command, args, options: { shell: process.platform === 'win32' } };
}

async function start() {
  const server = serverOptions();
  client = new LanguageClient(
    'lamina',
    'Lamina',
    server,
    {
      documentSelector: [
        { scheme: 'file', language: 'lamina' },
        { scheme: 'untitled', language: 'lamina' }
      ],
      outputChannel: output
    }
  );
  try {
    await client.start();
  } catch (error) {
    const detail = error && error.message ? error.message : String(error);
    const choice = await vscode.window.showErrorMessage(
      `Lamina: could not start the language server with \`${server.command} ${server.args.join(' ')}\` (${detail}). ` +
        'Set "lamina.server.path" to the lamina command, e.g. the ./lamina launcher of a Lamina checkout.',
      'Open Settings'
    );
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'lamina.server');
    }
  }
}

async function stop() {
  if (client && client.state !== State.Stopped) {
    await client.stop();
  }
  client = undefined;
}

async function restart() {
  await stop();
  await start();
}

async function activate(context) {
  output = vscode.window.createOutputChannel('Lamina');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('lamina.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('lamina.server')) {
        restart();
      }
    })
  );
  await start();
}

function deactivate() {
  return stop();
}

module.exports = { activate, deactivate };
