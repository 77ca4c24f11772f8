// The Node.js version check the browser-mode server runs first (test/server/node-version.test.ts
// runs the built server under the system Node 20 where there is one).
import { nodeVersionRefusal } from './require-node';

describe('nodeVersionRefusal', () => {
  it('refuses a Node older than 22 in one line naming both versions, and lets 22 and later run', () => {
    const msg = nodeVersionRefusal('v20.20.2')!;
    expect(msg).toContain('Node.js 22');
    expect(msg).toContain('Node.js 20.20.2');
    expect(msg).not.toContain('\n');
    expect(nodeVersionRefusal('18.0.0')).not.toBeNull();
    expect(nodeVersionRefusal('22.0.0')).toBeNull();
    expect(nodeVersionRefusal('24.1.0')).toBeNull();
  });
});
