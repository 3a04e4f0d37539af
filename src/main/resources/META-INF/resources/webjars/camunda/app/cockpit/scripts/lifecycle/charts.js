// Charts of the lifecycle dashboard, drawn with Chart.js from the app's own WebJar: nothing outside
// the app is reachable, so no CDN. The path names no version: webjars-locator-lite resolves
// /webjars/chart.js/dist/... to the version in pom.xml.

const CHART_JS = '/webjars/chart.js/dist/chart.umd.js';

/** Colours that read on Cockpit's white panels and stay apart for colour-blind readers. */
export const COLOURS = {
  blue: '#2f6fb3',
  lightBlue: '#8db8e3',
  orange: '#e08a1e',
  red: '#c0392b',
  green: '#3c8d3c',
  grey: '#8a8f98',
  purple: '#7b5ea7',
};

/** One colour per lifecycle stage, in stage order. */
export const STAGE_COLOURS = {
  'pre-work': COLOURS.grey,
  starting: COLOURS.lightBlue,
  'learning-and-preparing-for-growth': COLOURS.blue,
  scaling: COLOURS.purple,
  sustaining: COLOURS.green,
};

let loading = null;

/**
 * Chart.js, loaded once by a script tag. Cockpit's page may carry an AMD loader (RequireJS, for
 * old-style plugins); Chart.js's UMD bundle would then register as an anonymous AMD module instead
 * of setting window.Chart, so the loader is hidden while the script runs.
 */
export function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (loading) return loading;
  loading = new Promise((resolve, reject) => {
    const amd = window.define && window.define.amd ? window.define : null;
    if (amd) window.define = undefined;
    const script = document.createElement('script');
    script.src = CHART_JS;
    script.async = true;
    const restore = () => {
      if (amd) window.define = amd;
    };
    script.onload = () => {
      restore();
      if (window.Chart) resolve(window.Chart);
      else reject(new Error('Chart.js loaded but did not define Chart'));
    };
    script.onerror = () => {
      restore();
      loading = null;
      reject(new Error(`could not load ${CHART_JS}`));
    };
    document.head.appendChild(script);
  });
  return loading;
}

/**
 * A chart in a canvas inside `container`, with a text alternative for screen readers (the same
 * figures are also in a table on the page). Returns the Chart, or null when Chart.js is missing:
 * the page still works, the container then says so.
 */
export async function draw(container, description, config) {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', description);
  container.replaceChildren(canvas);
  let Chart;
  try {
    Chart = await loadChartJs();
  } catch (e) {
    const note = document.createElement('p');
    note.className = 'text-muted';
    note.textContent = `The chart could not be drawn (${e.message}); the table has the same figures.`;
    container.replaceChildren(note);
    return null;
  }
  if (!container.isConnected) return null;
  const options = config.options || {};
  return new Chart(canvas, {
    ...config,
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      ...options,
      plugins: { legend: { position: 'bottom' }, ...(options.plugins || {}) },
    },
  });
}
