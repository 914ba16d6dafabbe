require('./syntax.js');
console.log('never');
