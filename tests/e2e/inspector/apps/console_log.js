'use strict';
console.log('hello from app', 42);
console.error('to stderr');
