// No PHI reaches a sink here: the extension must stay quiet.
export function logStartup(port: number): void {
  console.log('server listening on port', port);
}
