process.on('exit', (c) => console.log('exit', c));
process.on('beforeExit', () => console.log('beforeExit'));
setTimeout(() => console.log('timer'), 0);
console.log('before');
process.exit(3);
console.log('after');
