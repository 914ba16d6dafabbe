console.log('ran');
process.exit(5);
