'use strict';
async function leaf() {
  await null;
  debugger;
  return 1;
}
async function middle() {
  return await leaf();
}
middle().then((v) => console.log('async done', v));
