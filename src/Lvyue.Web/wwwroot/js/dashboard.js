// Renders the dashboard charts from the data-series JSON each chart element carries.
(function () {
  const yuan = (v) => "¥" + Number(v).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  document.querySelectorAll("[data-chart]").forEach((el) => {
    const data = JSON.parse(el.dataset.series || "[]");
    const chart = echarts.init(el);
    const kind = el.dataset.chart;
    const tooltip = { trigger: "item", formatter: (p) => `${p.name}<br/>${p.data.count ?? p.value} · ${yuan(p.data.amount ?? 0)}` };
    let option;
    if (kind === "pie") {
      option = { tooltip, series: [{ type: "pie", radius: ["35%", "70%"], data: data.map((d) => ({ name: d.name, value: d.count, count: d.count, amount: d.amount })) }] };
    } else {
      const horizontal = kind === "hbar";
      const cat = { type: "category", data: data.map((d) => d.name), axisLabel: { width: 110, overflow: "truncate" } };
      const val = { type: "value", axisLabel: { formatter: (v) => (horizontal ? (v >= 10000 ? v / 10000 + "万" : v) : v) } };
      option = {
        tooltip, grid: { left: horizontal ? 120 : 40, right: 20, top: 20, bottom: 30 },
        xAxis: horizontal ? val : cat, yAxis: horizontal ? cat : val,
        series: [{ type: "bar", data: data.map((d) => ({ value: horizontal ? d.amount : d.count, count: d.count, amount: d.amount })), itemStyle: { color: "#9b1c1c" } }],
      };
    }
    chart.setOption(option);
    el.dataset.rendered = "true";
    window.addEventListener("resize", () => chart.resize());
  });
})();
