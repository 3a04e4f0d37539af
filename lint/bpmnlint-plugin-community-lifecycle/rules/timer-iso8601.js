// A timer's timeDuration, timeDate or timeCycle is an ISO-8601 duration, date-time or repeating
// interval, or an expression (${...}) whose value the engine reads at run time. Cron cycles are
// refused: the project writes every timer in ISO-8601.
const { is } = require('bpmnlint-utils');
const { isExpression, isBlank } = require('./util');

const DURATION = /^P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

function isDuration(text) {
  return DURATION.test(text);
}

function isDateTime(text) {
  const m = DATE_TIME.exec(text);
  if (!m) {
    return false;
  }
  const [ year, month, day ] = [ +m[1], +m[2], +m[3] ];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  if (m[4] && (+m[5] > 23 || +m[6] > 59 || (m[8] !== undefined && +m[8] > 59))) {
    return false;
  }
  return true;
}

/** R[n]/duration, R[n]/start/duration, R[n]/duration/end (ISO-8601 repeating intervals). */
function isCycle(text) {
  const parts = text.split('/');
  if (!/^R\d*$/.test(parts[0]) || parts.length < 2 || parts.length > 3) {
    return false;
  }
  const rest = parts.slice(1);
  if (rest.length === 1) {
    return isDuration(rest[0]);
  }
  return (isDateTime(rest[0]) && isDuration(rest[1])) || (isDuration(rest[0]) && isDateTime(rest[1]));
}

const KINDS = {
  timeDuration: { valid: isDuration, what: 'an ISO-8601 duration such as P3D or PT12H' },
  timeDate: { valid: isDateTime, what: 'an ISO-8601 date-time such as 2026-03-01T09:00:00Z' },
  timeCycle: { valid: isCycle, what: 'an ISO-8601 repeating interval such as R/P7D or R3/PT1H' }
};

module.exports = function() {

  function check(node, reporter) {
    if (!is(node, 'bpmn:TimerEventDefinition')) {
      return;
    }
    const set = Object.keys(KINDS).filter(kind => node[kind]);
    if (set.length === 0) {
      reporter.report(node.id, 'Timer has no timeDuration, timeDate or timeCycle');
      return;
    }
    for (const kind of set) {
      const body = node[kind].body;
      if (isBlank(body)) {
        reporter.report(node.id, `Timer ${kind} is empty`, [ kind ]);
        continue;
      }
      const text = body.trim();
      if (isExpression(text)) {
        continue;
      }
      if (!KINDS[kind].valid(text)) {
        reporter.report(node.id, `Timer ${kind} <${text}> is not ${KINDS[kind].what} or an expression \${...}`, [ kind ]);
      }
    }
  }

  return { check };
};

module.exports.isDuration = isDuration;
module.exports.isDateTime = isDateTime;
module.exports.isCycle = isCycle;
