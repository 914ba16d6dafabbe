async function run() {
  throw new RangeError('in async');
}
run();
