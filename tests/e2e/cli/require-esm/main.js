require('./esm-pkg');
