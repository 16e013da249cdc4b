// 批量重新审查: refreshes the progress of active batches from GET /api/v1/review/batches/{id} every two seconds,
// and reloads the page once a batch has ended (to show its final state and re-enable the start button).
(function () {
    const rows = Array.from(document.querySelectorAll('tr[data-batch][data-active="true"]'));
    if (rows.length === 0) return;
    const statusText = document.documentElement.lang && document.documentElement.lang.startsWith('en')
        ? { Queued: 'Queued', Running: 'Running', Done: 'Done', Cancelled: 'Cancelled' }
        : { Queued: '排队中', Running: '审查中', Done: '已完成', Cancelled: '已取消' };
    const set = (row, field, value) => {
        const el = row.querySelector('[data-field="' + field + '"]');
        if (el) el.textContent = value;
    };
    async function refresh() {
        let ended = false;
        for (const row of rows) {
            const response = await fetch('/api/v1/review/batches/' + row.dataset.batch, { headers: { Accept: 'application/json' } });
            if (!response.ok) continue;
            const b = await response.json();
            set(row, 'status', statusText[b.status] || b.status);
            set(row, 'done', b.done);
            set(row, 'total', b.total);
            set(row, 'percent', b.percent);
            set(row, 'changed', b.changed);
            set(row, 'findingsAdded', b.findingsAdded);
            set(row, 'findingsResolved', b.findingsResolved);
            set(row, 'unreadable', b.unreadable);
            set(row, 'failed', b.failed);
            if (b.ruleSetVersion) set(row, 'ruleSetVersion', b.ruleSetVersion);
            const bar = row.querySelector('[data-field="bar"]');
            if (bar) bar.style.width = b.percent + '%';
            if (b.status === 'Done' || b.status === 'Cancelled') ended = true;
        }
        if (ended) window.location.reload();
        else window.setTimeout(refresh, 2000);
    }
    window.setTimeout(refresh, 2000);
})();
