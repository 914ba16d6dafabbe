console.log('before');
function inner() {
  throw new Error('boom');
}
setTimeout(() => console.log('never'), 0);
inner();
