// Draws the status dashboard's bar charts with the bundled ECharts (/vendor/echarts.min.js).
// Each chart element carries its data as JSON in data-chart:
//   { categories: [...], series: [{ name, data: [...], links: [...] }], unit }
// Clicking a bar opens the list behind it. The tables beside the charts hold the same figures.
(function () {
  'use strict';

  function draw(el) {
    var chart;
    try {
      chart = JSON.parse(el.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    if (!chart || !chart.categories || chart.categories.length === 0 || typeof echarts === 'undefined') {
      el.classList.add('chart-empty');
      return;
    }
    var horizontal = chart.categories.length > 6;
    el.classList.toggle('chart-tall', horizontal);
    var instance = echarts.init(el, null, { renderer: 'svg' });
    var categoryAxis = { type: 'category', data: chart.categories, axisLabel: { interval: 0, width: 160, overflow: 'truncate' } };
    var valueAxis = { type: 'value', name: chart.unit || '', minInterval: chart.unit ? 0 : 1 };
    instance.setOption({
      animation: false,
      color: ['#1677ff', '#52c41a', '#fa541c', '#722ed1'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: horizontal ? 170 : 50, right: 24, top: 36, bottom: horizontal ? 24 : 60 },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({}, categoryAxis, { inverse: true }) : valueAxis,
      series: chart.series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data, cursor: 'pointer', barMaxWidth: 28 };
      })
    });
    instance.on('click', function (params) {
      var series = chart.series[params.seriesIndex];
      var link = series && series.links ? series.links[params.dataIndex] : null;
      if (link) {
        window.location.href = link;
      }
    });
    window.addEventListener('resize', function () { instance.resize(); });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
}());
