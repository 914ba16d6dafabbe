const line = '0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrs';
console.log('start');
for (let i = 0; i < 20000; i++) console.log(`${i} ${line}`);
console.log('end');
process.exit();
