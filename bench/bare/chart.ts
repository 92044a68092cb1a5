// The reference for the course page's charts: one bare Chart.js line chart of the same
// number of points (4 scales x N visits, N from the query string), no animation.
import { Chart, LinearScale, LineController, LineElement, PointElement } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale);
const visits = Number(new URLSearchParams(location.search).get('visits') ?? '200');
const canvas = document.getElementById('chart');
if (canvas instanceof HTMLCanvasElement) {
  new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [0, 1, 2, 3].map((s) => ({
        label: `scale ${s}`,
        data: Array.from({ length: visits }, (_, i) => ({ x: i, y: 10 + ((i * (s + 3)) % 17) })),
      })),
    },
    options: { animation: false, scales: { x: { type: 'linear' } } },
  });
}
