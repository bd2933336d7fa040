// The ABI of build/flowexec.wasm: every export, flat functions over (pointer, length, scalars). One list.
export { heapBase } from './memory';
export { hestonEulerTerminal } from './heston/terminal';
