process.exitCode = 4;
process.on('exit', (c) => console.log('exit', c));
process.once('beforeExit', (c) => console.log('beforeExit', c));
setTimeout(() => console.log('timer'), 1);
console.log('main');
