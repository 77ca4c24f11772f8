// `npm start [-- FILE.plandesk]`: opens the desktop app (the built-in sample when no file is given).
// Where no Electron binary is installed (these machines cannot download it), says so in one
// sentence and starts browser mode on the same file instead.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const dir = path.dirname(require.resolve('electron/package.json'));
    const rel = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8');
    const bin = path.join(dir, 'dist', rel);
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const bin = electronBinary();
if (bin) {
  const child = spawn(bin, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(
    'Máy này chưa có Electron nên không mở được cửa sổ ứng dụng; PlanDesk chạy ở chế độ trình duyệt — mở địa chỉ dưới đây (No Electron binary here: starting browser mode instead).',
  );
  const file = args.find((a) => a.endsWith('.plandesk'));
  const child = spawn(process.execPath, ['dist/server/serve.cjs', ...(file ? ['--file', file] : [])], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
