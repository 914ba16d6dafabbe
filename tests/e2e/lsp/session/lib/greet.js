exports.greet = (name) => `hi ${name}`;
