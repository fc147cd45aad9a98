// The survey builder on the settings page: questions, scales, trigger, sampling and quiet period,
// saved through the survey API (POST /api/surveys) exactly as a JSON client would.
import { post } from '../api.js';
import { h } from '../ui.js';

const TYPES = [['nps', 'NPS (0–10, likelihood to recommend)'], ['csat', 'CSAT (1–5, satisfaction)'], ['ces', 'CES (1–7, effort)'],
  ['text', 'Free text'], ['choice', 'Single choice']];
const DEFAULT_TEXT = { nps: 'How likely are you to recommend us to a friend or colleague?', csat: 'How satisfied are you with this?',
  ces: 'It was easy to get what I needed.', text: 'What is the main reason for your score?', choice: 'Which of these fits best?' };

function field(id, label, control) {
  return h('div', {}, h('label', { for: id }, label), control);
}

/** A form that builds one survey; {@code journeys}: the journey definitions, {@code events}: known event names. */
export function surveyBuilder(journeys, events, onSaved) {
  const status = h('p', { class: 'error', role: 'alert', id: 'sb-status' });
  const input = (id, attrs = {}) => h('input', Object.assign({ id, name: id }, attrs));
  const journeyOptions = [h('option', { value: '' }, '(none)'), ...journeys.map((j) => h('option', { value: j.id }, j.name || j.id))];
  const questions = h('ol', { id: 'sb-questions', class: 'steps' });
  let n = 0;
  const addQuestion = (type) => {
    const i = ++n;
    const sel = h('select', { id: 'sb-q' + i + '-type', name: 'type' }, TYPES.map(([v, l]) => h('option', { value: v, selected: v === type }, l)));
    // a textarea: a long question wraps and stays readable instead of scrolling out of a one-line box
    const text = h('textarea', { id: 'sb-q' + i + '-text', name: 'text', rows: 2, required: true }, DEFAULT_TEXT[type]);
    const qid = h('input', { id: 'sb-q' + i + '-id', name: 'qid', value: type === 'text' ? 'why' : type, required: true, size: 10 });
    const choices = h('input', { id: 'sb-q' + i + '-choices', name: 'choices', placeholder: 'Yes, No, Not sure', disabled: type !== 'choice' });
    const required = h('input', { id: 'sb-q' + i + '-required', name: 'required', type: 'checkbox', checked: type !== 'text' });
    sel.addEventListener('change', () => { text.value = DEFAULT_TEXT[sel.value]; choices.disabled = sel.value !== 'choice'; });
    const row = h('li', { class: 'question-row' }, field(qid.id, 'Id', qid), field(sel.id, 'Scale / kind', sel), Object.assign(field(text.id, 'Question', text), { className: 'question-text' }),
      field(choices.id, 'Choices (comma-separated)', choices), h('div', { class: 'check' }, h('label', { for: required.id }, 'Required'), required),
      h('button', { type: 'button', class: 'link', 'aria-label': 'Remove question ' + i, onclick: () => row.remove() }, 'Remove'));
    questions.append(row);
  };
  addQuestion('nps');
  addQuestion('text');

  const eventList = h('datalist', { id: 'sb-event-names' }, events.map((e) => h('option', { value: e })));
  const form = h('form', { id: 'survey-builder', 'aria-label': 'New survey', onsubmit: async (e) => {
    e.preventDefault();
    status.textContent = '';
    try {
      const saved = await post('/api/surveys', read(form));
      status.textContent = '';
      onSaved(saved);
    } catch (err) { status.textContent = err.message; }
  } },
  h('div', { class: 'toolbar' }, field('sb-id', 'Id', input('sb-id', { required: true, placeholder: 'delivery_nps', pattern: '[a-z0-9_-]{1,64}' })),
    field('sb-name', 'Title customers see', input('sb-name', { required: true, placeholder: 'How was your delivery?' })),
    field('sb-level', 'Level', h('select', { id: 'sb-level', name: 'sb-level' }, h('option', { value: 'touchpoint' }, 'Touchpoint'), h('option', { value: 'journey' }, 'Journey'))),
    field('sb-journey', 'Journey', h('select', { id: 'sb-journey', name: 'sb-journey' }, journeyOptions)),
    field('sb-stage', 'Stage', input('sb-stage')), field('sb-touchpoint', 'Touchpoint', input('sb-touchpoint'))),
  h('fieldset', { class: 'builder' }, h('legend', {}, 'Questions'), questions,
    h('button', { type: 'button', id: 'sb-add', onclick: () => addQuestion('csat') }, 'Add question')),
  h('fieldset', { class: 'builder' }, h('legend', {}, 'Trigger (leave the event empty to send only links and the widget)'), eventList,
    h('div', { class: 'toolbar' }, field('sb-event', 'After event', input('sb-event', { list: 'sb-event-names', placeholder: 'Order Delivered' })),
      field('sb-delay', 'Delay (hours)', input('sb-delay', { type: 'number', min: 0, step: 'any', value: 0 })),
      field('sb-sample', 'Sample (% of matching events)', input('sb-sample', { type: 'number', min: 0.1, max: 100, step: 'any', value: 100 })),
      field('sb-quiet', 'Quiet period (days without another invitation)', input('sb-quiet', { type: 'number', min: 0, step: 1, value: 30 })))),
  h('button', { type: 'submit', class: 'primary', id: 'sb-save' }, 'Create survey'), status);
  return form;
}

/** The survey as the API's JSON (docs/voc.md): durations as ISO-8601, empty fields left out. */
function read(form) {
  const v = (id) => form.querySelector('#' + id).value.trim() || null;
  const questions = [...form.querySelectorAll('#sb-questions li')].map((li) => {
    const q = { id: li.querySelector('[name=qid]').value.trim(), type: li.querySelector('[name=type]').value,
      text: li.querySelector('[name=text]').value.trim(), required: li.querySelector('[name=required]').checked };
    if (q.type === 'choice') q.choices = li.querySelector('[name=choices]').value.split(',').map((c) => c.trim()).filter(Boolean);
    return q;
  });
  const event = v('sb-event');
  const hours = Number(v('sb-delay') || 0);
  const days = Number(v('sb-quiet') || 0);
  return { id: v('sb-id'), name: v('sb-name'), level: v('sb-level'), journey: v('sb-journey'), stage: v('sb-stage'), touchpoint: v('sb-touchpoint'),
    questions, trigger: event ? { event, delay: 'PT' + Math.round(hours * 60) + 'M', samplePercent: Number(v('sb-sample') || 100),
      quietPeriod: 'P' + days + 'D' } : null };
}
