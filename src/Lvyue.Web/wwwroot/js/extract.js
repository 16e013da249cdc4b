// Filing form: when a contract document is chosen, send it to /api/v1/extract, show the document text with the
// extracted fields highlighted at their spans, pre-fill the form and mark each pre-filled field with its confidence.
// Without this script the form works as before (the user types the fields).
(function () {
  "use strict";
  const form = document.querySelector("[data-extract-form]");
  const input = form && form.querySelector("input[type=file][name=Document]");
  const panel = document.querySelector("[data-extract-panel]");
  if (!form || !input || !panel) return;
  const en = document.documentElement.lang && document.documentElement.lang.startsWith("en");
  const t = (zh, e) => (en ? e : zh);
  const status = form.querySelector("[data-extract-status]");
  const keysInput = form.querySelector("input[name=ExtractionPrefilled]");
  const textBox = panel.querySelector("[data-extract-text]");
  const list = panel.querySelector("[data-extract-fields]");
  const labels = {
    title: ["合同名称", "Title"], contractNumber: ["合同编号", "Contract number"], category: ["合同类别", "Category"],
    amountTotal: ["合同金额", "Amount"], taxRate: ["税率", "Tax rate"], signDate: ["签订日期", "Signed on"],
    effectiveDate: ["生效日期", "Effective on"], startDate: ["开始日期", "Starts on"], endDate: ["结束日期", "Ends on"],
    supplier: ["供应商", "Supplier"], "purchaser.contactName": ["甲方联系人", "Purchaser contact"],
    "purchaser.contactPhone": ["甲方电话", "Purchaser phone"], "purchaser.contactEmail": ["甲方邮箱", "Purchaser email"],
    "supplier.contactName": ["乙方联系人", "Supplier contact"], "supplier.contactPhone": ["乙方电话", "Supplier phone"],
    "supplier.contactEmail": ["乙方邮箱", "Supplier email"],
  };
  const label = (k) => (labels[k] ? t(labels[k][0], labels[k][1]) : k);
  const say = (msg, cls) => { if (status) { status.textContent = msg; status.className = "form-text " + (cls || ""); } };

  function clearMarks() {
    form.querySelectorAll(".extract-note").forEach((n) => n.remove());
    form.querySelectorAll("[data-extracted]").forEach((n) => { n.removeAttribute("data-extracted"); n.classList.remove("border-success"); });
  }

  function fill(field) {
    const el = form.querySelector(`[name="${CSS.escape(field.input)}"]`);
    if (!el) return false;
    // What the user entered is never overwritten: only empty inputs, unselected lists and untouched selects are filled.
    if (el.tagName === "SELECT") {
      const opt = Array.from(el.options).find((o) => o.value === field.value);
      if (!opt) return false;
      if (el.multiple) {
        if (el.selectedOptions.length > 0) return false;
        opt.selected = true;
      } else {
        if (el.dataset.touched) return false;
        el.value = field.value;
      }
    } else {
      if (el.value.trim() !== "") return false;
      el.value = field.value;
    }
    el.dispatchEvent(new Event("change", { bubbles: true }));
    el.setAttribute("data-extracted", field.key);
    el.classList.add("border-success");
    const note = document.createElement("div");
    note.className = "form-text text-success extract-note";
    note.setAttribute("data-testid", "extract-note");
    note.textContent = t(`来自合同文本，置信度 ${Math.round(field.confidence * 100)}%`, `From the document, confidence ${Math.round(field.confidence * 100)}%`);
    const group = el.closest(".input-group") || el;
    group.insertAdjacentElement("afterend", note);
    return true;
  }

  function highlight(text, fields) {
    textBox.textContent = "";
    const spans = fields.filter((f) => f.end > f.start).sort((a, b) => a.start - b.start || b.end - a.end);
    let pos = 0;
    for (const f of spans) {
      if (f.start < pos) continue; // overlapping span: its field stays listed, the first one is highlighted
      textBox.append(document.createTextNode(text.slice(pos, f.start)));
      const mark = document.createElement("mark");
      mark.id = "extract-span-" + f.key.replace(/\W/g, "-");
      mark.title = `${label(f.key)}：${f.display}（${Math.round(f.confidence * 100)}%）`;
      mark.setAttribute("data-field", f.key);
      mark.textContent = text.slice(f.start, f.end);
      textBox.append(mark);
      pos = f.end;
    }
    textBox.append(document.createTextNode(text.slice(pos)));
  }

  function listFields(fields) {
    list.textContent = "";
    for (const f of fields) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "list-group-item list-group-item-action py-1 small";
      b.setAttribute("data-field", f.key);
      b.textContent = `${label(f.key)}：${f.display}（${Math.round(f.confidence * 100)}%）`;
      b.addEventListener("click", () => {
        const m = textBox.querySelector(`mark[data-field="${CSS.escape(f.key)}"]`);
        if (!m) return;
        textBox.querySelectorAll("mark.bg-warning").forEach((x) => x.classList.remove("bg-warning"));
        m.classList.add("bg-warning");
        textBox.scrollTop = m.offsetTop - textBox.offsetTop - textBox.clientHeight / 3;
      });
      list.append(b);
    }
  }

  async function extract() {
    clearMarks();
    if (keysInput) keysInput.value = "";
    const file = input.files && input.files[0];
    if (!file) { panel.classList.add("d-none"); return; }
    const data = new FormData();
    data.append("file", file);
    const token = form.querySelector("input[name=__RequestVerificationToken]");
    if (token) data.append("__RequestVerificationToken", token.value);
    say(t("正在读取合同文本…", "Reading the document…"), "text-muted");
    let body;
    try {
      const res = await fetch("/api/v1/extract", { method: "POST", body: data, credentials: "same-origin" });
      body = await res.json();
      if (!res.ok) { panel.classList.add("d-none"); say(body.title || t("无法读取合同文本", "The document cannot be read"), "text-danger"); return; }
    } catch (e) {
      panel.classList.add("d-none");
      say(t("无法读取合同文本，请手工填写", "The document cannot be read; fill the form by hand"), "text-danger");
      return;
    }
    const filled = body.fields.filter(fill);
    if (keysInput) keysInput.value = filled.map((f) => f.key).join(",");
    highlight(body.text, body.fields);
    listFields(body.fields);
    panel.classList.remove("d-none");
    say(t(`已从合同文本预填 ${filled.length} 项（${body.elapsedMs} 毫秒），请逐项核对`, `${filled.length} fields pre-filled from the document (${body.elapsedMs} ms); check each`), "text-success");
  }

  form.addEventListener("change", (e) => { if (e.isTrusted && e.target !== input && e.target.dataset) e.target.dataset.touched = "1"; });
  input.addEventListener("change", extract);
})();
