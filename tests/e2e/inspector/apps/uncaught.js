'use strict';
function explode() {
  throw new Error('boom-uncaught');
}
setTimeout(explode, 10);
