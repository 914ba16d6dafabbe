'use strict';
// util.parseArgs: command-line parsing in two steps, as Node documents it.
// The arguments become tokens (option, positional, option-terminator); then
// the tokens are checked (strict mode) and stored into `values` and
// `positionals`, and declared defaults fill what is still unset.

const {
  validateArray, validateBoolean, validateObject, validateString,
  validateStringArray, validateBooleanArray,
} = require('internal/validators');

function codes() {
  return require('internal/errors').codes;
}

function getOwn(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

// A property of an option's configuration, when that option is declared.
function optionGetOwn(options, name, property) {
  if (!Object.prototype.hasOwnProperty.call(options, name)) return undefined;
  return getOwn(options[name], property);
}

function isString(options, name) {
  return optionGetOwn(options, name, 'type') === 'string';
}

// The long name of a short option (the short letter itself when undeclared).
function longForShort(short, options) {
  for (const name of Object.keys(options)) {
    if (getOwn(options[name], 'short') === short) return name;
  }
  return short;
}

function defaultArgs() {
  const execArgv = process.execArgv || [];
  for (const flag of ['-e', '--eval', '-p', '--print']) {
    if (execArgv.includes(flag)) return process.argv.slice(1);
  }
  return process.argv.slice(2);
}

function validateOptions(options) {
  for (const name of Object.keys(options)) {
    const config = options[name];
    validateObject(config, `options.${name}`);
    const type = getOwn(config, 'type');
    if (type !== 'string' && type !== 'boolean') {
      throw new (codes().ERR_INVALID_ARG_TYPE)(`options.${name}.type`, "('string|boolean')", type);
    }
    if (Object.prototype.hasOwnProperty.call(config, 'short')) {
      const short = config.short;
      validateString(short, `options.${name}.short`);
      if (short.length !== 1) {
        throw new (codes().ERR_INVALID_ARG_VALUE)(
          `options.${name}.short`, short, 'must be a single character');
      }
    }
    const multiple = getOwn(config, 'multiple');
    if (Object.prototype.hasOwnProperty.call(config, 'multiple')) {
      validateBoolean(multiple, `options.${name}.multiple`);
    }
    const defaultValue = getOwn(config, 'default');
    if (defaultValue !== undefined) {
      const where = `options.${name}.default`;
      if (type === 'string') {
        if (multiple) validateStringArray(defaultValue, where);
        else validateString(defaultValue, where);
      } else if (multiple) {
        validateBooleanArray(defaultValue, where);
      } else {
        validateBoolean(defaultValue, where);
      }
    }
  }
}

// --no-<name> for a declared boolean <name> (allowNegative).
function negatedName(name, options, allowNegative) {
  if (!allowNegative || !name.startsWith('no-')) return undefined;
  const positive = name.slice(3);
  return optionGetOwn(options, positive, 'type') === 'boolean' ? positive : undefined;
}

function tokenize(args, options, allowNegative, negated) {
  const tokens = [];
  const remaining = args.slice();
  let index = -1;
  let groupCount = 0;
  while (remaining.length > 0) {
    const arg = remaining.shift();
    const next = remaining[0];
    if (groupCount > 0) groupCount--;
    else index++;

    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const value of remaining) tokens.push({ kind: 'positional', index: ++index, value });
      break;
    }

    const isShortForm = arg.length >= 2 && arg[0] === '-' && arg[1] !== '-';
    if (isShortForm && arg.length === 2) {
      // -f [value]
      const name = longForShort(arg[1], options);
      let value;
      let inlineValue;
      if (isString(options, name) && next != null) {
        value = remaining.shift();
        inlineValue = false;
      }
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      if (value != null) index++;
      continue;
    }
    if (isShortForm) {
      const name = longForShort(arg[1], options);
      if (!isString(options, name)) {
        // -abc: a group of short options, the last string one takes the rest.
        const expanded = [];
        for (let i = 1; i < arg.length; i++) {
          const short = arg[i];
          if (!isString(options, longForShort(short, options)) || i === arg.length - 1) {
            expanded.push(`-${short}`);
          } else {
            expanded.push(`-${short}${arg.slice(i + 1)}`);
            break;
          }
        }
        remaining.unshift(...expanded);
        groupCount = expanded.length;
        continue;
      }
      // -fVALUE
      tokens.push({
        kind: 'option', name, rawName: `-${arg[1]}`, index, value: arg.slice(2), inlineValue: true,
      });
      continue;
    }

    if (arg.length > 2 && arg.startsWith('--')) {
      const equals = arg.indexOf('=', 3);
      if (equals === -1) {
        // --name [value]
        let name = arg.slice(2);
        const positive = negatedName(name, options, allowNegative);
        if (positive !== undefined) name = positive;
        let value;
        let inlineValue;
        if (isString(options, name) && next != null) {
          value = remaining.shift();
          inlineValue = false;
        }
        const token = { kind: 'option', name, rawName: arg, index, value, inlineValue };
        if (positive !== undefined) negated.add(token);
        tokens.push(token);
        if (value != null) index++;
      } else {
        // --name=value
        let name = arg.slice(2, equals);
        const positive = negatedName(name, options, allowNegative);
        if (positive !== undefined) name = positive;
        const token = {
          kind: 'option', name, rawName: arg.slice(0, equals), index,
          value: arg.slice(equals + 1), inlineValue: true,
        };
        if (positive !== undefined) negated.add(token);
        tokens.push(token);
      }
      continue;
    }

    tokens.push({ kind: 'positional', index, value: arg });
  }
  return tokens;
}

function checkUsage(options, allowPositionals, token) {
  const { ERR_PARSE_ARGS_UNKNOWN_OPTION, ERR_PARSE_ARGS_INVALID_OPTION_VALUE } = codes();
  if (!Object.prototype.hasOwnProperty.call(options, token.name)) {
    throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName, allowPositionals);
  }
  const short = optionGetOwn(options, token.name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${token.name}`;
  const type = optionGetOwn(options, token.name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${shortAndLong}' does not take an argument`);
  }
  // A separate value that looks like an option is probably a forgotten value.
  if (!token.inlineValue && typeof token.value === 'string' && token.value.length > 1 &&
      token.value[0] === '-') {
    const example = token.rawName.startsWith('--') ? `${token.rawName}=-XYZ` :
      `--${token.name}=-XYZ' or '${token.rawName}-XYZ`;
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${token.rawName}' argument is ambiguous.\n` +
      `Did you forget to specify the option argument for '${token.rawName}'?\n` +
      `To specify an option argument starting with a dash use '${example}'.`);
  }
}

function store(name, value, options, values) {
  if (name === '__proto__') return;
  if (optionGetOwn(options, name, 'multiple')) {
    if (values[name] === undefined) values[name] = [value];
    else values[name].push(value);
  } else {
    values[name] = value;
  }
}

function parseArgs(config = { __proto__: null }) {
  const args = getOwn(config, 'args') ?? defaultArgs();
  const strict = getOwn(config, 'strict') ?? true;
  const allowPositionals = getOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = getOwn(config, 'tokens') ?? false;
  const allowNegative = getOwn(config, 'allowNegative') ?? false;
  const options = getOwn(config, 'options') ?? { __proto__: null };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  validateOptions(options);

  const negated = new Set();
  const tokens = tokenize(args, options, allowNegative, negated);
  const result = { values: { __proto__: null }, positionals: [] };
  if (returnTokens) result.tokens = tokens;

  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkUsage(options, allowPositionals, token);
      const value = negated.has(token) ? false : (token.value ?? true);
      store(token.name, value, options, result.values);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new (codes().ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL)(token.value);
      result.positionals.push(token.value);
    }
  }

  for (const name of Object.keys(options)) {
    const defaultValue = getOwn(options[name], 'default');
    if (defaultValue !== undefined && result.values[name] === undefined) {
      result.values[name] = defaultValue;
    }
  }
  return result;
}

module.exports = { parseArgs };
