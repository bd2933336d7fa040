// The script inlined into `flowexec report` files: reads the result inlined beside it and draws every chart.
import { renderCharts } from './charts.js';
import type { EvaluationResult } from '../eval/evaluate.js';

const data = document.getElementById('flowexec-result');
const container = document.getElementById('charts');
if (data && container) renderCharts(container, JSON.parse(data.textContent ?? '{}') as EvaluationResult);
