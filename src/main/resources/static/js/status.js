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
    if (horizontal) {
      // a row a category, room for a label of two lines
      el.style.height = Math.max(420, chart.categories.length * 44 + 80) + 'px';
    }
    var instance = echarts.init(el, null, { renderer: 'svg' });
    // labels wrap within their room and the grid makes room for them (containLabel): none is cut
    var labelWidth = horizontal ? Math.min(220, Math.max(120, el.clientWidth * 0.3))
      : Math.max(48, (el.clientWidth - 80) / chart.categories.length - 8);
    var categoryAxis = { type: 'category', data: chart.categories,
      axisLabel: { interval: 0, width: labelWidth, overflow: 'break', lineHeight: 14 } };
    var valueAxis = { type: 'value', name: chart.unit || '', minInterval: chart.unit ? 0 : 1,
      nameLocation: horizontal ? 'middle' : 'end', nameGap: horizontal ? 26 : 12 };
    instance.setOption({
      animation: false,
      color: ['#1677ff', '#52c41a', '#fa541c', '#722ed1'],
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        valueFormatter: function (v) { return v == null ? '—' : v + (chart.unit ? ' ' + chart.unit : ''); } },
      legend: { top: 0 },
      grid: { left: 12, right: 32, top: 44, bottom: horizontal ? 36 : 12, containLabel: true },
      xAxis: horizontal ? valueAxis : categoryAxis,
      yAxis: horizontal ? Object.assign({}, categoryAxis, { inverse: true }) : valueAxis,
      series: chart.series.map(function (s) {
        // a short step still shows a sliver of a bar
        return { name: s.name, type: 'bar', data: s.data, cursor: 'pointer', barMaxWidth: 28, barMinHeight: 2 };
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
