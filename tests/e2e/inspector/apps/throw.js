'use strict';
function thrower() {
  throw new Error('boom-caught');
}
try {
  thrower();
} catch (e) {
  console.log('caught', e.message);
}
