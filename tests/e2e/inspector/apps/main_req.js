'use strict';
const helper = require('./helper.js');
console.log('helper says', helper.twice(21));
