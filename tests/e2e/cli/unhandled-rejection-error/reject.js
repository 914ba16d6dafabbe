Promise.reject(new Error('nope'));
setTimeout(() => console.log('never'), 10);
